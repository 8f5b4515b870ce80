// An example whose body carries an error `code` is named after it, so a partner asks for the error it means to
// rehearse by the value its client branches on (`Prefer: code=404, example=identity_not_found`).
export default function errorExampleNamedByCode(examples) {
  if (examples === null || typeof examples !== 'object') return [];
  const results = [];
  for (const [name, example] of Object.entries(examples)) {
    const body = example && typeof example === 'object' ? example.value : undefined;
    const code = body && typeof body === 'object' ? (body.code ?? body.error?.code) : undefined;
    if (typeof code === 'string' && code !== name) {
      results.push({ message: `Error example ${name} carries code "${code}": name it ${code}`, path: [name] });
    }
  }
  return results;
}
