import { writeFile } from 'node:fs/promises';
import { buildApiSchema, printApiSchema } from './schema.js';

/** `npm run schema:emit`: writes the SDL the API serves to schema/schema.graphql (committed; a test checks drift). */
const path = new URL('../../schema/schema.graphql', import.meta.url);
await writeFile(path, printApiSchema(await buildApiSchema()));
console.log(`wrote ${path.pathname}`);
