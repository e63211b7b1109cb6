/**
 * Double-valued math UDFs (math.json). Each is a one-liner over Math; they share this file
 * because each is a single table row (CONVENTIONS: a cohesive table is fine).
 */
import { binaryDoubleFunction, unaryDoubleFunction } from './double-math.ts';

export const exp = unaryDoubleFunction('EXP', Math.exp);
export const ln = unaryDoubleFunction('LN', Math.log);
export const sqrt = unaryDoubleFunction('SQRT', Math.sqrt);
export const cbrt = unaryDoubleFunction('CBRT', Math.cbrt);
export const acos = unaryDoubleFunction('ACOS', Math.acos);
export const asin = unaryDoubleFunction('ASIN', Math.asin);
export const atan = unaryDoubleFunction('ATAN', Math.atan);
export const cos = unaryDoubleFunction('COS', Math.cos);
export const sin = unaryDoubleFunction('SIN', Math.sin);
export const tan = unaryDoubleFunction('TAN', Math.tan);
export const cot = unaryDoubleFunction('COT', (x) => 1 / Math.tan(x));
export const cosh = unaryDoubleFunction('COSH', Math.cosh);
export const sinh = unaryDoubleFunction('SINH', Math.sinh);
export const tanh = unaryDoubleFunction('TANH', Math.tanh);
export const degrees = unaryDoubleFunction('DEGREES', (x) => (x * 180) / Math.PI);
export const radians = unaryDoubleFunction('RADIANS', (x) => (x / 180) * Math.PI);
export const atan2 = binaryDoubleFunction('ATAN2', Math.atan2);
export const power = binaryDoubleFunction('POWER', Math.pow);
