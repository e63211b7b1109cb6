/**
 * SQL LIKE as ksqlDB's LikeEvaluator: `%` any run of characters, `_` exactly one, an optional
 * escape character makes the next character literal; the whole value must match; case-sensitive.
 */
export function likeToRegExp(pattern: string, escape?: string): RegExp {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (escape !== undefined && c === escape && i + 1 < pattern.length) {
      re += quote(pattern.charAt(++i));
    } else if (c === '%') {
      re += '[\\s\\S]*';
    } else if (c === '_') {
      re += '[\\s\\S]';
    } else {
      re += quote(c);
    }
  }
  return new RegExp(`${re}$`, 'u');
}

function quote(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
