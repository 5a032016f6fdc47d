import { z } from 'zod';

/**
 * Malformed parameters for a strict-object schema, one broken field at a time, and what the
 * refusal must say about it: the field's name, and its range or allowed values. Used by the unit
 * tests (a few hundred cases) and `npm run stress` (tens of thousands).
 */
export interface BadParams {
  readonly input: unknown;
  /** What the refusal must contain. */
  readonly mustSay: readonly (string | RegExp)[];
}

type Random = () => number;

interface Field {
  readonly key: string;
  readonly type: z.ZodType;
}

function fieldsOf(schema: z.ZodObject): Field[] {
  return Object.entries(schema.shape).map(([key, type]) => ({
    key,
    type: type instanceof z.ZodDefault ? (type.unwrap() as z.ZodType) : (type as z.ZodType),
  }));
}

const RANGE = /from -?[\d,.]+(e-?\d+)? to -?[\d,.]+/;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** A key no schema knows, sometimes huge or with characters that would forge a log line. */
function strangeKey(random: Random): string {
  return pick(random, [
    'extra',
    'lanes\nINJECTED: ok',
    'x\u2028y\u2029z\u0000',
    'k'.repeat(1 + Math.floor(random() * 200_000)),
    '__proto__x',
    '💥'.repeat(50),
  ]);
}

/** Breaks one field of `valid` (a valid input for `schema`), or the object as a whole. */
export function badParams(schema: z.ZodObject, valid: Record<string, unknown>, random: Random): BadParams {
  const roll = random();
  if (roll < 0.08) {
    const input = pick(random, [null, 42, 'params', [valid], true]);
    return { input, mustSay: [/expected object|must be an object/] };
  }
  if (roll < 0.2) {
    const key = strangeKey(random);
    return { input: { ...valid, [key]: 1 }, mustSay: ['Unrecognized key'] };
  }
  const fields = fieldsOf(schema);
  const { key, type } = pick(random, fields);
  if (type instanceof z.ZodNumber) {
    const min = type.minValue ?? -1e9;
    const max = type.maxValue ?? 1e9;
    const whole = type.isInt === true;
    const values: unknown[] = [min - 1, max + 1, -Infinity, Infinity, NaN, String(min), null, [min]];
    if (whole) values.push(min + 0.5);
    if (max < 1e300) values.push(max * 10 + 7);
    return { input: { ...valid, [key]: pick(random, values) }, mustSay: [key, RANGE] };
  }
  if (type instanceof z.ZodEnum) {
    const input = { ...valid, [key]: pick(random, ['', 'nope', 42, null, `${String(type.options[0])} `]) };
    return { input, mustSay: [key, 'must be one of'] };
  }
  if (type instanceof z.ZodBoolean) {
    return { input: { ...valid, [key]: pick(random, ['true', 1, null, {}]) }, mustSay: [key, 'true or false'] };
  }
  // Anything else (a list, text): a wrong type, named by its path.
  return { input: { ...valid, [key]: pick(random, [42, null, true, { a: 1 }]) }, mustSay: [`${key}`] };
}

/** The problems with `message` as a refusal of `bad`; empty when it says everything it must. */
export function refusalProblems(bad: Pick<BadParams, 'mustSay'>, message: string, maxLength: number): string[] {
  const problems: string[] = [];
  for (const must of bad.mustSay) {
    const found = typeof must === 'string' ? message.includes(must) : must.test(message);
    if (!found) problems.push(`does not say ${String(must)}`);
  }
  if (message.length > maxLength) problems.push(`is ${message.length} characters long`);
  // eslint-disable-next-line no-control-regex -- no control character may reach a log line
  if (/[\u0000-\u001f\u2028\u2029]/.test(message)) problems.push('contains a raw control character');
  return problems;
}
