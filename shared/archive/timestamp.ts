/**
 * RFC 3161 time stamps for the archive's manifest: the query for a SHA-256 digest, the bounded HTTP
 * exchange with a time-stamping authority (TSA), the reading of its reply, and the verification of a
 * stored token. Pure: the network (fetch), the randomness of the nonce and WebCrypto are injected.
 *
 * A token is checked against the certificate it carries, not against a list of trusted authorities:
 * it proves that the digest existed when that authority says, and the verdict names the authority
 * so that the clerk (or an auditor) can judge whether it is one they trust.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { RequestTimestamp, TimestampProblem, TimestampVerdict, VerifyTimestamp } from './ports';
import {
  createHttpExchange,
  PKI_FAILURE_BITS,
  pkiStatusNames,
  TimestampError,
  type HttpExchangeOptions,
  type PkiFailureName,
  type TimestampExchange,
} from './timestampHttp';

export * from './timestampHttp';

export const OID = {
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentTypeAttribute: '1.2.840.113549.1.9.3',
  messageDigestAttribute: '1.2.840.113549.1.9.4',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  extKeyUsage: '2.5.29.37',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
} as const;

const WEB_CRYPTO_HASH: Readonly<Record<string, string>> = {
  [OID.sha1]: 'SHA-1',
  [OID.sha256]: 'SHA-256',
  [OID.sha384]: 'SHA-384',
  [OID.sha512]: 'SHA-512',
};

// ---------------------------------------------------------------------------------------------
// Bytes

const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer => {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
};

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((byte, index) => byte === b[index]);

/** The DER content of a positive INTEGER with these magnitude bytes (minimal, sign bit clear). */
const positiveIntegerContent = (magnitude: Uint8Array): Uint8Array => {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start += 1;
  const trimmed = magnitude.subarray(start);
  if ((trimmed[0] ?? 0) < 0x80) return Uint8Array.from(trimmed);
  const content = new Uint8Array(trimmed.length + 1);
  content.set(trimmed, 1);
  return content;
};

const decode = (bytes: Uint8Array): asn1js.AsnType | null => {
  const parsed = asn1js.fromBER(toArrayBuffer(bytes));
  return parsed.offset === -1 || parsed.offset !== bytes.byteLength ? null : parsed.result;
};

// ---------------------------------------------------------------------------------------------
// Query

export interface TimestampQuery {
  readonly der: Uint8Array;
  /** The nonce's INTEGER content, to find again in the reply. */
  readonly nonce: Uint8Array;
}

const sha256Algorithm = (): pkijs.AlgorithmIdentifier =>
  new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() });

/** A TimeStampReq for a SHA-256 digest, asking for the certificate, with a 64-bit nonce. */
export const buildTimestampQuery = (sha256: Uint8Array, nonce64: Uint8Array): TimestampQuery => {
  if (sha256.length !== 32) throw new TypeError('a SHA-256 digest has 32 bytes');
  if (nonce64.length !== 8) throw new TypeError('the nonce has 8 bytes');
  const nonce = positiveIntegerContent(nonce64);
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: sha256Algorithm(),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(sha256) }),
    }),
    nonce: new asn1js.Integer({ valueHex: toArrayBuffer(nonce) }),
    certReq: true,
  });
  return { der: new Uint8Array(request.toSchema().toBER(false)), nonce };
};

// ---------------------------------------------------------------------------------------------
// Token verification

interface ReadToken {
  readonly signedData: pkijs.SignedData;
  readonly signedSchema: asn1js.Sequence;
  readonly tstInfo: pkijs.TSTInfo;
}

const readToken = (token: Uint8Array): ReadToken | null => {
  try {
    const schema = decode(token);
    if (schema === null) return null;
    const contentInfo = new pkijs.ContentInfo({ schema });
    if (contentInfo.contentType !== OID.signedData) return null;
    const signedSchema: unknown = contentInfo.content;
    if (!(signedSchema instanceof asn1js.Sequence)) return null;
    const signedData = new pkijs.SignedData({ schema: signedSchema });
    const encapsulated = signedData.encapContentInfo;
    if (encapsulated.eContentType !== OID.tstInfo || encapsulated.eContent === undefined) return null;
    const tstSchema = decode(new Uint8Array(encapsulated.eContent.getValue()));
    if (tstSchema === null) return null;
    return {
      signedData,
      signedSchema,
      tstInfo: new pkijs.TSTInfo({ schema: tstSchema }),
    };
  } catch {
    return null;
  }
};

/** The signer's certificate among those the token carries (by issuer and serial, or key id). */
const signerCertificate = (signedData: pkijs.SignedData): pkijs.Certificate | null => {
  const signer = signedData.signerInfos[0];
  if (signer === undefined || signedData.signerInfos.length !== 1) return null;
  const certificates = (signedData.certificates ?? []).filter(
    (certificate): certificate is pkijs.Certificate => certificate instanceof pkijs.Certificate,
  );
  const sid: unknown = signer.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return (
      certificates.find(
        (certificate) =>
          certificate.issuer.isEqual(sid.issuer) && certificate.serialNumber.isEqual(sid.serialNumber),
      ) ?? null
    );
  }
  return null;
};

const attributeText = (certificate: pkijs.Certificate, type: string): string | null => {
  const found = certificate.subject.typesAndValues.find((entry) => entry.type === type);
  const value: unknown = found?.value.valueBlock.value;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
};

/** "Common name (Organisation)", as the authority names itself in its certificate. */
export const authorityName = (certificate: pkijs.Certificate): string | null => {
  const commonName = attributeText(certificate, OID.commonName);
  const organization = attributeText(certificate, OID.organization);
  if (commonName !== null && organization !== null && organization !== commonName)
    return `${commonName} (${organization})`;
  return commonName ?? organization;
};

/** RFC 3161 2.3: exactly id-kp-timeStamping, in an extension marked critical. */
const isForTimeStamping = (certificate: pkijs.Certificate): boolean => {
  const extensions = (certificate.extensions ?? []).filter(
    (extension) => extension.extnID === OID.extKeyUsage,
  );
  const [extension] = extensions;
  if (extension === undefined || extensions.length !== 1 || !extension.critical) return false;
  const parsed: unknown = extension.parsedValue;
  if (!(parsed instanceof pkijs.ExtKeyUsage)) return false;
  return parsed.keyPurposes.length === 1 && parsed.keyPurposes[0] === OID.timeStamping;
};

/** The first certHash (and its hash algorithm) of a signingCertificate(V2) attribute, if any. */
const essCertHash = (
  signedData: pkijs.SignedData,
): { algorithm: string; hash: Uint8Array } | null | 'bad' => {
  const attributes = signedData.signerInfos[0]?.signedAttrs?.attributes ?? [];
  const attribute = attributes.find(
    (entry) => entry.type === OID.signingCertificateV2 || entry.type === OID.signingCertificate,
  );
  if (attribute === undefined) return null;
  const value: unknown = attribute.values[0];
  if (!(value instanceof asn1js.Sequence)) return 'bad';
  const certs = value.valueBlock.value[0];
  if (!(certs instanceof asn1js.Sequence)) return 'bad';
  const first = certs.valueBlock.value[0];
  if (!(first instanceof asn1js.Sequence)) return 'bad';
  const [head, second] = first.valueBlock.value;
  if (attribute.type === OID.signingCertificate) {
    return head instanceof asn1js.OctetString
      ? { algorithm: OID.sha1, hash: new Uint8Array(head.valueBlock.valueHexView) }
      : 'bad';
  }
  // ESSCertIDv2: hashAlgorithm DEFAULT sha256, then certHash.
  if (head instanceof asn1js.OctetString)
    return { algorithm: OID.sha256, hash: new Uint8Array(head.valueBlock.valueHexView) };
  if (!(head instanceof asn1js.Sequence) || !(second instanceof asn1js.OctetString)) return 'bad';
  try {
    const algorithm = new pkijs.AlgorithmIdentifier({ schema: head });
    return { algorithm: algorithm.algorithmId, hash: new Uint8Array(second.valueBlock.valueHexView) };
  } catch {
    return 'bad';
  }
};

/** WebCrypto: the global one (browser, Node) or an injected one. */
export type TimestampCrypto = typeof globalThis.crypto;

const engineFor = (webCrypto: TimestampCrypto): pkijs.ICryptoEngine =>
  new pkijs.CryptoEngine({ name: 'timestamp', crypto: webCrypto });

/** The signed contentType attribute names the TSTInfo (RFC 5652 5.3: it must match eContentType). */
const signedContentTypeIsTstInfo = (signedData: pkijs.SignedData): boolean => {
  const attributes = signedData.signerInfos[0]?.signedAttrs?.attributes ?? [];
  const contentTypes = attributes.filter((entry) => entry.type === OID.contentTypeAttribute);
  const value: unknown = contentTypes[0]?.values[0];
  return (
    contentTypes.length === 1 &&
    value instanceof asn1js.ObjectIdentifier &&
    value.valueBlock.toString() === OID.tstInfo
  );
};

/**
 * The CMS signature: the messageDigest attribute is the hash of the TSTInfo, and the signed
 * attributes are signed by the certificate's key. pkijs, seeing a TSTInfo, would also want the
 * stamped data itself (we hold only its digest, checked against the imprint below), so the check
 * runs on a copy that calls its content plain data; the signed bytes are untouched by that.
 */
const signatureHolds = async (token: ReadToken, engine: pkijs.ICryptoEngine): Promise<boolean> => {
  if (!signedContentTypeIsTstInfo(token.signedData)) return false;
  try {
    const copy = new pkijs.SignedData({ schema: token.signedSchema });
    copy.encapContentInfo.eContentType = OID.data;
    return await copy.verify({ signer: 0, checkChain: false, extendedMode: false }, engine);
  } catch {
    return false;
  }
};

const bindingHolds = async (
  signedData: pkijs.SignedData,
  certificate: pkijs.Certificate,
  webCrypto: TimestampCrypto,
): Promise<boolean> => {
  const binding = essCertHash(signedData);
  if (binding === null) return true;
  if (binding === 'bad') return false;
  const hashName = WEB_CRYPTO_HASH[binding.algorithm];
  if (hashName === undefined) return false;
  const der = new Uint8Array(certificate.toSchema().toBER(false));
  const hash = new Uint8Array(await webCrypto.subtle.digest(hashName, der));
  return sameBytes(hash, binding.hash);
};

interface Inspection {
  readonly verdict: TimestampVerdict;
  readonly nonce: Uint8Array | null;
}

const verdict = (
  problem: TimestampProblem | null,
  time: string | null = null,
  authority: string | null = null,
): TimestampVerdict => ({ valid: problem === null, time, authority, problem });

const inspectToken = async (
  token: Uint8Array,
  sha256: Uint8Array,
  webCrypto: TimestampCrypto,
): Promise<Inspection> => {
  const read = readToken(token);
  if (read === null) return { verdict: verdict('malformed'), nonce: null };
  const { signedData, tstInfo } = read;
  const certificate = signerCertificate(signedData);
  const genTime = tstInfo.genTime;
  const time = Number.isNaN(genTime.getTime()) ? null : genTime.toISOString();
  const nonce = tstInfo.nonce ? new Uint8Array(tstInfo.nonce.valueBlock.valueHexView) : null;
  if (certificate === null || time === null) return { verdict: verdict('malformed', time), nonce };
  const authority = authorityName(certificate);
  const checked = (problem: TimestampProblem | null): Inspection => ({
    verdict: verdict(problem, time, authority),
    nonce,
  });
  if (!(await signatureHolds(read, engineFor(webCrypto)))) return checked('badSignature');
  if (!(await bindingHolds(signedData, certificate, webCrypto))) return checked('badSignature');
  if (!isForTimeStamping(certificate)) return checked('notForTimeStamping');
  const imprint = tstInfo.messageImprint;
  const digest = new Uint8Array(imprint.hashedMessage.valueBlock.valueHexView);
  if (imprint.hashAlgorithm.algorithmId !== OID.sha256 || !sameBytes(digest, sha256))
    return checked('digestMismatch');
  return checked(null);
};

const defaultCrypto = (): TimestampCrypto => globalThis.crypto;

/** A VerifyTimestamp over the given WebCrypto (the global one by default). */
export const createTimestampVerifier =
  (webCrypto: TimestampCrypto = defaultCrypto()): VerifyTimestamp =>
  async (token, sha256) =>
    (await inspectToken(token, sha256, webCrypto)).verdict;

export const verifyTimestamp: VerifyTimestamp = (token, sha256) =>
  createTimestampVerifier(defaultCrypto())(token, sha256);

// ---------------------------------------------------------------------------------------------
// Reply

const failureNames = (failInfo: asn1js.BitString | undefined): PkiFailureName[] => {
  if (failInfo === undefined) return [];
  const bits = failInfo.valueBlock.valueHexView;
  return (Object.keys(PKI_FAILURE_BITS) as PkiFailureName[]).filter((name) => {
    const bit = PKI_FAILURE_BITS[name];
    return ((bits[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0;
  });
};

/**
 * Reads a TimeStampResp to the query it answers: a granted status, a token whose imprint is the
 * digest asked for, our nonce, a signature that holds. Resolves to the token's exact DER bytes.
 */
export const readTimestampReply = async (
  reply: Uint8Array,
  query: { readonly sha256: Uint8Array; readonly nonce: Uint8Array },
  webCrypto: TimestampCrypto = defaultCrypto(),
): Promise<Uint8Array> => {
  const schema = decode(reply);
  if (!(schema instanceof asn1js.Sequence))
    throw new TimestampError('tsa.malformed', 'the reply is not a DER TimeStampResp');
  let response: pkijs.TimeStampResp;
  try {
    response = new pkijs.TimeStampResp({ schema });
  } catch {
    throw new TimestampError('tsa.malformed', 'the reply is not a TimeStampResp');
  }
  const code: number = response.status.status;
  if (code !== 0 && code !== 1) {
    const status = (code >= 0 ? pkiStatusNames.at(code) : undefined) ?? 'unknown';
    const failures = failureNames(response.status.failInfo);
    throw new TimestampError('tsa.rejected', `the authority answered ${status} (${failures.join(', ')})`, {
      status,
      failures,
    });
  }
  // The token exactly as the authority sent it: re-encoding could change a BER token's bytes.
  const tokenBlock = schema.valueBlock.value[1];
  if (tokenBlock === undefined) throw new TimestampError('tsa.malformed', 'a granted reply without a token');
  const token = new Uint8Array(tokenBlock.valueBeforeDecodeView);
  const { verdict: found, nonce } = await inspectToken(token, query.sha256, webCrypto);
  switch (found.problem) {
    case null:
      break;
    case 'malformed':
      throw new TimestampError('tsa.malformed', 'the token cannot be read');
    case 'digestMismatch':
      throw new TimestampError('tsa.mismatch', 'the token stamps another digest');
    case 'badSignature':
    case 'notForTimeStamping':
      throw new TimestampError('tsa.invalidToken', `the token does not hold: ${found.problem}`);
  }
  if (nonce === null || !sameBytes(nonce, query.nonce))
    throw new TimestampError('tsa.mismatch', 'the token does not carry our nonce');
  return token;
};

export interface TimestampRequesterOptions extends HttpExchangeOptions {
  /** Fills the nonce's bytes; crypto.getRandomValues by default, fixed in tests. */
  readonly random?: (bytes: Uint8Array) => void;
  readonly crypto?: TimestampCrypto;
}

/** A RequestTimestamp over any exchange (HTTP here and in the browser, IPC to main in Electron). */
export const requesterOver =
  (
    exchange: TimestampExchange,
    random: (bytes: Uint8Array) => void = (bytes) => {
      globalThis.crypto.getRandomValues(bytes);
    },
    webCrypto: TimestampCrypto = defaultCrypto(),
  ): RequestTimestamp =>
  async (sha256, signal) => {
    const nonce = new Uint8Array(8);
    random(nonce);
    const query = buildTimestampQuery(sha256, nonce);
    const reply = await exchange(query.der, signal);
    return readTimestampReply(reply, { sha256, nonce: query.nonce }, webCrypto);
  };

export const createTimestampRequester = (options: TimestampRequesterOptions): RequestTimestamp =>
  requesterOver(createHttpExchange(options), options.random, options.crypto);
