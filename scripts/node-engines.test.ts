// The Node versions package.json declares are ones every installed package accepts (npm ci prints
// EBADENGINE otherwise, and a dependency may use what an older Node lacks), and the Node running
// the tests is one of them. .ci/run runs the suite on this machine's Node and the unit tests again
// on the current LTS, so both ends of the range are exercised.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const declared = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

it('the Node running the tests is one package.json declares', () => {
  expect(semver.satisfies(process.version, declared), `${process.version} vs ${declared}`).toBe(true);
});

it('every locked package accepts every Node version package.json declares', () => {
  const refusing = Object.entries(lock.packages).flatMap(([path, pkg]) => {
    const wanted = Array.isArray(pkg.engines) ? undefined : pkg.engines?.node;
    return path && wanted && !semver.subset(declared, wanted) ? [`${path.replace(/^.*node_modules\//, '')}@${pkg.version} wants node ${wanted}`] : [];
  });
  expect(refusing).toEqual([]);
});
