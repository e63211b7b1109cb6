import type { JsonObject } from './json.ts';
import type { QttCase, QttFile } from './qtt-model.ts';

/**
 * One run of a QTT case: the case after `format` × `config` expansion
 * (`TestCaseBuilder` / `TestCaseBuilderUtil.buildTestName`, ../shared/reference/ksqldb.md a.2).
 */
export interface QttRun {
  /** `<file stem> - <name>[ - <format>][ - <prop>=<config>]` */
  readonly name: string;
  readonly file: string;
  readonly testCase: QttCase;
  readonly statements: readonly string[];
  readonly properties: JsonObject;
  readonly format?: string;
  readonly config?: string;
}

// Java replaces {FORMAT} with this text when the case has no `format`, so statements using it fail.
const FORMAT_REPLACE_ERROR = "To use {FORMAT} in your statements please set the 'format' test case element";

export function expandFile(file: QttFile): QttRun[] {
  return file.cases.filter((c) => c.enabled).flatMap((c) => expandCase(file, c));
}

export function expandCase(file: QttFile, c: QttCase): QttRun[] {
  const formats: (string | undefined)[] = c.format.length > 0 ? [...c.format] : [undefined];
  const configs: (string | undefined)[] = c.config.length > 0 ? [...c.config] : [undefined];
  const configProp = Object.entries(c.properties).find(([, v]) => v === '{CONFIG}')?.[0];
  const runs: QttRun[] = [];
  for (const format of formats) {
    for (const config of configs) {
      let name = `${file.stem} - ${c.name}`;
      if (format !== undefined) name += ` - ${format}`;
      const properties: JsonObject = { ...c.properties };
      if (config !== undefined && configProp !== undefined) {
        properties[configProp] = config;
        name += ` - ${configProp}=${config}`;
      }
      runs.push({
        name,
        file: file.path,
        testCase: c,
        statements: c.statements.map((s) => s.replaceAll('{FORMAT}', format ?? FORMAT_REPLACE_ERROR)),
        properties,
        ...(format !== undefined ? { format } : {}),
        ...(config !== undefined ? { config } : {}),
      });
    }
  }
  return runs;
}
