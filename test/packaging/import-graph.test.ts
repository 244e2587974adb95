import { internalDependencies, listPublishablePackages } from '../../scripts/workspace-packages';

// Issue 17: cli, examples -> lists, stores -> domain -> eventsourcing, no arrow up nor sideways
// between the read side and the stores. The declared-dependencies test proves that a package
// imports only what it declares; this one that what it declares keeps to the layers.
const LAYER: Readonly<Record<string, number>> = {
  '@cartes-badges/eventsourcing': 0,
  '@cartes-badges/domain': 1,
  '@cartes-badges/lists': 2,
  '@cartes-badges/sqlite': 2,
  '@cartes-badges/postgres': 2,
  '@cartes-badges/eventstoredb': 2,
  '@cartes-badges/cli': 3,
};

const packages = listPublishablePackages();

it('knows the layer of every publishable package', () => {
  expect(packages.map((pkg) => [pkg.name, LAYER[pkg.name] !== undefined])).toEqual(
    packages.map((pkg) => [pkg.name, true]),
  );
});

describe.each(packages.map((pkg) => [pkg.name, pkg] as const))('%s', (name, pkg) => {
  it('depends at run time only on packages of a lower layer', () => {
    const upOrSideways = internalDependencies(pkg, packages).filter((dep) => LAYER[dep] >= LAYER[name]);
    expect(upOrSideways).toEqual([]);
  });
});
