import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import * as esbuild from 'esbuild';
import zlib from 'node:zlib';
const doc = JSON.parse(fs.readFileSync('generated/portabl/openapi.json', 'utf8'));
const id = 'https://kyc-contracts.invalid/portabl.json';
for (const allErrors of [true, false])
  for (const which of [{ inv: 'OutOfBandInvitation' }, { tok: 'AccessToken' }]) {
    const ajv = new Ajv2020({
      strict: false,
      allErrors,
      validateFormats: true,
      code: { source: true, esm: true, optimize: true },
      messages: true,
    });
    addFormats.default(ajv);
    for (const f of ['int32', 'int64', 'float', 'double']) ajv.addFormat(f, true);
    ajv.addSchema({ ...doc, $id: id });
    const refs = Object.fromEntries(Object.entries(which).map(([k, v]) => [k, `${id}#/components/schemas/${v}`]));
    let code = standaloneCode.default(ajv, refs);
    code = code.replace(/require\("([^"]+)"\)/g, (m, p) => `__req_${p.replace(/\W/g, '_')}`);
    const min = (await esbuild.transform(code, { minify: true, format: 'esm' })).code;
    console.log(allErrors, Object.keys(which), code.length, min.length, zlib.gzipSync(min).length);
  }
