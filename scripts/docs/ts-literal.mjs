// Prints a JSON value as a TypeScript literal in the repository's style (single quotes, bare keys where
// possible, two-space indent), short values on one line. Only JSON values occur: they come from spec examples.

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const INLINE_LIMIT = 72;

export function quote(text) {
  let out = "'";
  for (const char of text) {
    const code = char.codePointAt(0);
    if (char === "'" || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    // Control characters and the two JavaScript line terminators cannot appear raw in a string literal.
    else if (code < 0x20 || code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}'`;
}

function key(name) {
  return IDENTIFIER.test(name) ? name : quote(name);
}

/**
 * The literal for `value`, whose first line starts at column `indent` (continuation lines are indented).
 * `expand` puts an object's or array's entries on their own lines even when they would fit on one.
 */
export function toTsLiteral(value, indent = 0, { expand = false } = {}) {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`${value} is not a JSON number`);
      return String(value);
    case 'boolean':
      return String(value);
    case 'object':
      break;
    default:
      throw new Error(`a ${typeof value} is not a JSON value`);
  }
  const entries = Array.isArray(value)
    ? value.map((item) => ['', item])
    : Object.entries(value).map(([name, item]) => [`${key(name)}: `, item]);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{ ', ' }'];
  if (entries.length === 0) return Array.isArray(value) ? '[]' : '{}';

  const inline = `${open}${entries.map(([prefix, item]) => prefix + toTsLiteral(item, 0)).join(', ')}${close}`;
  if (!expand && !inline.includes('\n') && indent + inline.length <= INLINE_LIMIT) return inline;

  const pad = ' '.repeat(indent + 2);
  const lines = entries.map(([prefix, item]) => `${pad}${prefix}${toTsLiteral(item, indent + 2)},`);
  return `${open.trim()}\n${lines.join('\n')}\n${' '.repeat(indent)}${close.trim()}`;
}
