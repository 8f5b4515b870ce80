// In the split sources each path item is a file named after its path: drop the leading "/", write the other "/"
// as "_" (`/identities/{id}/operations` → paths/identities_{id}_operations.yaml). One rule, so a reader finds the
// file from the URL.
export default function pathFileName(paths) {
  if (paths === null || typeof paths !== 'object') return [];
  const results = [];
  for (const [route, item] of Object.entries(paths)) {
    const ref = item && typeof item === 'object' ? item.$ref : undefined;
    if (typeof ref !== 'string') continue;
    const expected = `paths/${route.replace(/^\//, '').replaceAll('/', '_')}.yaml`;
    if (ref.replace(/^\.\//, '') !== expected)
      results.push({ message: `Path ${route} is in ${ref}; write it in ${expected}`, path: [route, '$ref'] });
  }
  return results;
}
