import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { sha256 } from '@noble/hashes/sha2.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../simulator/standalone';
import { createTestAuthority, TEST_TSA_NAME } from '../../simulator/routes/tsa';
import {
  buildTimestampQuery,
  createHttpExchange,
  createTimestampRequester,
  OID,
  parseTimestampUrl,
  readTimestampReply,
  TimestampError,
  TIMESTAMP_QUERY_TYPE,
  verifyTimestamp,
  type TimestampErrorCode,
} from './timestamp';

const NOW = '2026-03-14T09:26:53Z';
const MANIFEST = new TextEncoder().encode('{"files":[]}');
const DIGEST = sha256(MANIFEST);
const fixedNonce = (value: number) => (bytes: Uint8Array) => {
  bytes.fill(value);
};
const AUTHORITY = `${TEST_TSA_NAME.commonName} (${TEST_TSA_NAME.organization})`;

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator({ port: 0, now: NOW });
});
afterAll(async () => {
  await simulator.close();
});

const requester = (url = `${simulator.url}/tsa`) =>
  createTimestampRequester({ url, fetch: (input, init) => fetch(input, init), random: fixedNonce(0xa5) });

const codeOf = async (promise: Promise<unknown>): Promise<TimestampErrorCode | 'resolved'> => {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof TimestampError) return error.code;
    throw error;
  }
};

/** The token with one byte of its signature flipped, everything else as the authority signed it. */
const withAlteredSignature = (token: Uint8Array): Uint8Array => {
  const info = new pkijs.ContentInfo({ schema: asn1js.fromBER(token.slice().buffer).result });
  const signed = new pkijs.SignedData({ schema: info.content });
  const signature = new Uint8Array(signed.signerInfos[0]?.signature.valueBlock.valueHexView ?? []);
  signature[10] = (signature[10] ?? 0) ^ 0x01;
  const signer = signed.signerInfos[0];
  if (signer === undefined) throw new Error('no signer');
  signer.signature = new asn1js.OctetString({ valueHex: signature.buffer });
  const altered = new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(true) });
  return new Uint8Array(altered.toSchema().toBER(false));
};

describe('the round trip with the simulator’s test TSA over HTTP', () => {
  it('stamps a digest at the simulator’s clock, and the token verifies', async () => {
    const token = await requester()(DIGEST);

    await expect(verifyTimestamp(token, DIGEST)).resolves.toEqual({
      valid: true,
      time: '2026-03-14T09:26:53.000Z',
      authority: AUTHORITY,
      problem: null,
    });
  });

  it('refuses a token for another digest, still saying when and by whom', async () => {
    const token = await requester()(DIGEST);
    const other = sha256(new TextEncoder().encode('{"files":["added.pdf"]}'));

    await expect(verifyTimestamp(token, other)).resolves.toEqual({
      valid: false,
      time: '2026-03-14T09:26:53.000Z',
      authority: AUTHORITY,
      problem: 'digestMismatch',
    });
  });

  it('refuses a token whose signature bytes were altered', async () => {
    const token = await requester()(DIGEST);

    const verdict = await verifyTimestamp(withAlteredSignature(token), DIGEST);

    expect(verdict).toMatchObject({ valid: false, problem: 'badSignature' });
  });

  it('refuses a token whose signed content was altered', async () => {
    const token = await requester()(DIGEST);
    // The genTime's seconds digit inside the signed TSTInfo: '53Z' becomes '54Z'.
    const text = Array.from(token, (byte) => String.fromCharCode(byte)).join('');
    const at = text.indexOf('20260314092653Z');
    expect(at).toBeGreaterThan(0);
    const altered = token.slice();
    altered[at + 13] = '4'.charCodeAt(0);

    await expect(verifyTimestamp(altered, DIGEST)).resolves.toMatchObject({
      valid: false,
      problem: 'badSignature',
    });
  });

  it('calls anything that is not a token malformed', async () => {
    await expect(verifyTimestamp(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]), DIGEST)).resolves.toEqual({
      valid: false,
      time: null,
      authority: null,
      problem: 'malformed',
    });
    await expect(verifyTimestamp(MANIFEST, DIGEST)).resolves.toMatchObject({ problem: 'malformed' });
  });

  it('refuses a token signed with a certificate not meant for time stamping', async () => {
    const authority = await createTestAuthority({ extendedKeyUsage: 'none' });
    const query = buildTimestampQuery(DIGEST, new Uint8Array(8).fill(7));
    const reply = await authority.answer(query.der, Date.parse(NOW));
    const token = new pkijs.TimeStampResp({ schema: asn1js.fromBER(reply.slice().buffer).result })
      .timeStampToken;
    const der = new Uint8Array(token?.toSchema().toBER(false) ?? []);

    await expect(verifyTimestamp(der, DIGEST)).resolves.toMatchObject({
      valid: false,
      authority: AUTHORITY,
      problem: 'notForTimeStamping',
    });
    await expect(codeOf(readTimestampReply(reply, { sha256: DIGEST, nonce: query.nonce }))).resolves.toBe(
      'tsa.invalidToken',
    );
  });

  it('accepts a token without the ESSCertIDv2 binding, which is optional here', async () => {
    const authority = await createTestAuthority({ essCertIdV2: false });
    const query = buildTimestampQuery(DIGEST, new Uint8Array(8).fill(0x80));
    const reply = await authority.answer(query.der, Date.parse(NOW));

    const token = await readTimestampReply(reply, { sha256: DIGEST, nonce: query.nonce });

    await expect(verifyTimestamp(token, DIGEST)).resolves.toMatchObject({ valid: true });
  });

  it('refuses a token whose ESSCertIDv2 names another certificate than the one that signed', async () => {
    const authority = await createTestAuthority({ essCertIdV2: 'otherCertificate' });
    const query = buildTimestampQuery(DIGEST, new Uint8Array(8).fill(9));
    const reply = await authority.answer(query.der, Date.parse(NOW));

    await expect(codeOf(readTimestampReply(reply, { sha256: DIGEST, nonce: query.nonce }))).resolves.toBe(
      'tsa.invalidToken',
    );
  });

  it('refuses a reply that does not carry our nonce', async () => {
    const authority = await createTestAuthority();
    const query = buildTimestampQuery(DIGEST, new Uint8Array(8).fill(1));
    const reply = await authority.answer(query.der, Date.parse(NOW));

    await expect(
      codeOf(readTimestampReply(reply, { sha256: DIGEST, nonce: Uint8Array.of(2, 2, 2, 2, 2, 2, 2, 2) })),
    ).resolves.toBe('tsa.mismatch');
    await expect(
      codeOf(readTimestampReply(reply, { sha256: sha256(DIGEST), nonce: query.nonce })),
    ).resolves.toBe('tsa.mismatch');
  });
});

describe('the test TSA’s refusals', () => {
  const post = async (body: Uint8Array<ArrayBuffer>) => {
    const response = await fetch(`${simulator.url}/tsa`, {
      method: 'POST',
      headers: { 'Content-Type': TIMESTAMP_QUERY_TYPE },
      body,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/timestamp-reply');
    return new Uint8Array(await response.arrayBuffer());
  };
  const rejectionOf = async (reply: Uint8Array) => {
    try {
      await readTimestampReply(reply, { sha256: DIGEST, nonce: new Uint8Array(1) });
    } catch (error) {
      if (error instanceof TimestampError) return { code: error.code, rejection: error.rejection };
    }
    return null;
  };

  it('answers a malformed request with status rejection, badDataFormat', async () => {
    await expect(rejectionOf(await post(new TextEncoder().encode('not DER')))).resolves.toEqual({
      code: 'tsa.rejected',
      rejection: { status: 'rejection', failures: ['badDataFormat'] },
    });
  });

  it('answers an unknown hash algorithm with badAlg', async () => {
    const request = new pkijs.TimeStampReq({
      version: 1,
      messageImprint: new pkijs.MessageImprint({
        hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.840.113549.2.5' }),
        hashedMessage: new asn1js.OctetString({ valueHex: new Uint8Array(16).buffer }),
      }),
      certReq: true,
    });
    const reply = await post(new Uint8Array(request.toSchema().toBER(false)));

    await expect(rejectionOf(reply)).resolves.toEqual({
      code: 'tsa.rejected',
      rejection: { status: 'rejection', failures: ['badAlg'] },
    });
  });

  it('surfaces a rejection as tsa.rejected through the requester', async () => {
    const exchange = createHttpExchange({
      url: `${simulator.url}/tsa`,
      fetch: (input, init) => fetch(input, init),
    });
    const reply = await exchange(new TextEncoder().encode('garbage'));
    await expect(rejectionOf(reply)).resolves.toMatchObject({ code: 'tsa.rejected' });
  });
});

describe('the bounded exchange', () => {
  let server: Server | null = null;
  afterEach(async () => {
    const running = server;
    server = null;
    if (running) await new Promise<void>((resolve) => running.close(() => resolve()));
  });

  /** A tiny local server for answers the simulator's TSA never gives. */
  const serve = async (handler: Parameters<typeof createServer>[1]): Promise<string> => {
    const created = createServer(handler);
    server = created;
    await new Promise<void>((resolve) => created.listen(0, '127.0.0.1', resolve));
    created.on('connection', (socket) => {
      created.once('close', () => socket.destroy());
    });
    return `http://127.0.0.1:${(created.address() as AddressInfo).port}/tsa`;
  };

  it('fails fast on a Content-Length above the cap', async () => {
    const url = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/timestamp-reply', 'Content-Length': '1000000' });
      response.write(new Uint8Array(1000));
    });
    await expect(codeOf(requester(url)(DIGEST))).resolves.toBe('tsa.tooLarge');
  });

  it('cuts off a body that grows beyond the cap without announcing its length', async () => {
    const url = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/timestamp-reply' });
      for (let i = 0; i < 80; i += 1) response.write(new Uint8Array(1024));
      response.end();
    });
    await expect(codeOf(requester(url)(DIGEST))).resolves.toBe('tsa.tooLarge');
  });

  it('gives up on an authority that does not answer in time', async () => {
    const url = await serve(() => undefined);
    const slow = createTimestampRequester({
      url,
      fetch: (input, init) => fetch(input, init),
      timeoutMs: 150,
    });
    await expect(codeOf(slow(DIGEST))).resolves.toBe('tsa.timeout');
  });

  it('tells a cancel from a timeout', async () => {
    const url = await serve(() => undefined);
    const controller = new AbortController();
    const pending = codeOf(requester(url)(DIGEST, controller.signal));
    controller.abort();
    await expect(pending).resolves.toBe('tsa.cancelled');
  });

  it('refuses another content type, an HTTP error and a redirect', async () => {
    let answer: 'html' | 'error' | 'redirect' = 'html';
    const url = await serve((_request, response) => {
      if (answer === 'html') response.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>login</p>');
      else if (answer === 'error') response.writeHead(503).end();
      else response.writeHead(302, { Location: 'https://elsewhere.example/tsa' }).end();
    });
    await expect(codeOf(requester(url)(DIGEST))).resolves.toBe('tsa.malformed');
    answer = 'error';
    await expect(codeOf(requester(url)(DIGEST))).resolves.toBe('tsa.httpStatus');
    answer = 'redirect';
    await expect(codeOf(requester(url)(DIGEST))).resolves.toBe('tsa.unreachable');
  });

  it('sends the query as application/timestamp-query without credentials', async () => {
    const seen: { type?: string; cookie?: string; authorization?: string } = {};
    const url = await serve((request, response) => {
      seen.type = request.headers['content-type'];
      seen.cookie = request.headers.cookie;
      seen.authorization = request.headers.authorization;
      response.writeHead(503).end();
    });
    await codeOf(requester(url)(DIGEST));
    expect(seen).toEqual({
      type: 'application/timestamp-query',
      cookie: undefined,
      authorization: undefined,
    });
  });

  it('reports an authority that cannot be reached', async () => {
    const url = await serve(() => undefined);
    const running = server;
    server = null;
    await new Promise<void>((resolve) => running?.close(() => resolve()));
    await expect(codeOf(requester(url)(DIGEST))).resolves.toBe('tsa.unreachable');
  });
});

describe('the TSA URL', () => {
  it('takes https anywhere and http only on this machine', () => {
    expect(parseTimestampUrl('https://freetsa.example/tsr')?.href).toBe('https://freetsa.example/tsr');
    expect(parseTimestampUrl('http://127.0.0.1:8787/tsa')).not.toBeNull();
    expect(parseTimestampUrl('http://localhost:8787/tsa')).not.toBeNull();
    expect(parseTimestampUrl('http://[::1]:8787/tsa')).not.toBeNull();
    expect(parseTimestampUrl('http://tsa.example/tsr')).toBeNull();
    expect(parseTimestampUrl('https://user:secret@tsa.example/tsr')).toBeNull();
    expect(parseTimestampUrl('ftp://tsa.example/tsr')).toBeNull();
    expect(parseTimestampUrl('')).toBeNull();
    expect(parseTimestampUrl('tsa.example')).toBeNull();
  });

  it('refuses to post anywhere else', async () => {
    await expect(codeOf(requester('http://tsa.example/tsr')(DIGEST))).resolves.toBe('tsa.badUrl');
  });
});
