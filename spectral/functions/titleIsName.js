// A named schema's `title` is its component name, so a schema that is inlined (the dereferenced bundles, Redoc's
// nested views, generated types) still says which one it is.
export default function titleIsName(schemas) {
  if (schemas === null || typeof schemas !== 'object') return [];
  return Object.entries(schemas)
    .filter(([name, schema]) => schema && typeof schema === 'object' && schema.title !== name)
    .map(([name, schema]) => ({
      message:
        schema.title === undefined
          ? `Schema ${name} has no title (write title: ${name})`
          : `Schema ${name} has title "${schema.title}", not its name`,
      path: schema.title === undefined ? [name] : [name, 'title'],
    }));
}
