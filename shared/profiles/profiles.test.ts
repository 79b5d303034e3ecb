import { describe, expect, it } from 'vitest';
import {
  adoptLegacyArchive,
  chooseProfile,
  EMPTY_REGISTRY,
  LEGACY_DATABASE_NAME,
  parseRegistry,
  sameBackend,
  withActive,
  withoutProfile,
} from './profiles';

const demo = { mode: 'demo' } as const;
const acme = { mode: 'custom', baseUrl: 'https://billing.example.ch/api', clientId: 'acme' } as const;
const ids = () => {
  let n = 0;
  return () => `p${(n += 1)}`;
};

describe('profiles', () => {
  it('tells back ends apart by mode, base URL (trailing slash aside) and client id', () => {
    expect(sameBackend(demo, { mode: 'demo' })).toBe(true);
    expect(sameBackend(demo, acme)).toBe(false);
    expect(sameBackend(acme, { ...acme, baseUrl: 'https://billing.example.ch/api/' })).toBe(true);
    expect(sameBackend(acme, { ...acme, clientId: 'other' })).toBe(false);
  });

  it('gives each (back end, customer) its own archive and reopens it', () => {
    const newId = ids();
    const first = chooseProfile(
      EMPTY_REGISTRY,
      demo,
      { customerNumber: '1000001', name: 'Demo AG' },
      't1',
      newId,
    );
    expect(first).toMatchObject({
      created: true,
      profile: { id: 'p1', databaseName: 'invoice-desk-profile-p1' },
    });
    const second = chooseProfile(
      first.registry,
      acme,
      { customerNumber: '2000002', name: 'Acme SA' },
      't2',
      newId,
    );
    expect(second.created).toBe(true);
    expect(second.registry.active).toBe('p2');
    // A second customer of the same back end: a third archive.
    const third = chooseProfile(
      second.registry,
      acme,
      { customerNumber: '3000003', name: 'Beta' },
      't3',
      newId,
    );
    expect(third.profile.id).toBe('p3');
    // Back to the demo: its own archive again, nothing new.
    const back = chooseProfile(
      third.registry,
      demo,
      { customerNumber: '1000001', name: 'Demo AG' },
      't4',
      newId,
    );
    expect(back).toMatchObject({ created: false, profile: { id: 'p1', lastOpenedAt: 't4' } });
    expect(back.registry.profiles).toHaveLength(3);
  });

  it('offline, reopens the most recent archive of the back end, or creates one named later', () => {
    const newId = ids();
    const a = chooseProfile(EMPTY_REGISTRY, acme, { customerNumber: '2000002', name: 'Acme' }, 't1', newId);
    const b = chooseProfile(a.registry, acme, { customerNumber: '3000003', name: 'Beta' }, 't2', newId);
    expect(chooseProfile(b.registry, acme, null, 't3', newId).profile.id).toBe('p2');
    const offline = chooseProfile(EMPTY_REGISTRY, demo, null, 't1', newId);
    expect(offline.profile.customerNumber).toBeNull();
    // Once the operator names the customer, that provisional archive is the customer's.
    const named = chooseProfile(
      offline.registry,
      demo,
      { customerNumber: '1000001', name: 'Demo' },
      't2',
      newId,
    );
    expect(named).toMatchObject({
      created: false,
      profile: { id: offline.profile.id, customerNumber: '1000001' },
    });
  });

  it('adopts the archive from before profiles in place', () => {
    const registry = adoptLegacyArchive(acme, { customerNumber: '2000002', name: 'Acme' }, 't');
    expect(registry.profiles[0]).toMatchObject({
      databaseName: LEGACY_DATABASE_NAME,
      customerNumber: '2000002',
    });
    expect(registry.active).toBe('legacy');
  });

  it('switches, removes, and reads only a valid registry', () => {
    const newId = ids();
    const a = chooseProfile(EMPTY_REGISTRY, demo, { customerNumber: '1000001', name: 'Demo' }, 't1', newId);
    const b = chooseProfile(a.registry, acme, { customerNumber: '2000002', name: 'Acme' }, 't2', newId);
    const switched = withActive(b.registry, 'p1', 't3');
    expect(switched.active).toBe('p1');
    expect(withoutProfile(switched, 'p2').profiles.map((profile) => profile.id)).toEqual(['p1']);
    expect(parseRegistry(JSON.stringify(switched))).toEqual(switched);
    expect(parseRegistry('{"version":1,"active":null,"profiles":[{"id":"../x"}]}')).toEqual(EMPTY_REGISTRY);
    expect(parseRegistry('not json')).toEqual(EMPTY_REGISTRY);
  });
});
