// `npm run icons`: renders resources/icon.svg into every icon file of resources/ (scripts/iconSet.ts).
// The outputs are committed; tests/unit/icons.test.ts fails when they no longer match the drawing.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeIconSet } from './iconSet';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
for (const file of writeIconSet(root, path.join(root, 'resources'))) console.log(`resources/${file}`);
