// Reads a port from the environment, with a default, and refuses anything that is not a usable TCP port.
export function parsePort(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || !/^\d+$/.test(raw.trim())) {
    throw new Error(`${name}=${JSON.stringify(raw)} is not a TCP port (an integer from 0 to 65535)`);
  }
  return port;
}
