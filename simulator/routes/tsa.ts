/**
 * A test time-stamping authority (RFC 3161) at POST /tsa, so that the app's stamps are tested
 * against a real exchange over HTTP. Its key (ECDSA P-256) and self-signed certificate (extended key
 * usage id-kp-timeStamping, critical) are made with WebCrypto on the first request; genTime is the
 * simulator's clock, never the host's.
 *
 * Only the standalone simulator (tests, CLI, browser-mode tools) serves it, not the demo back end the
 * app embeds: a stamp is evidence, and one signed by a key the app made a moment ago on the clerk's
 * own machine would verify as "valid" while proving nothing. A clerk who tries the demo gets the
 * honest answer that the demo has no authority.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import {
  OID,
  PKI_FAILURE_BITS,
  TIMESTAMP_REPLY_TYPE,
  type PkiFailureName,
} from '../../shared/archive/timestamp';
import type { SimClock } from '../context';
import type { Route } from '../router';
import type { SimResponse } from '../http/messages';

/** A UUID-derived OID (X.667): needs no registration, names the simulator's test policy. */
export const TEST_TSA_POLICY = '2.25.168411215094632479003542870425815734291';
export const TEST_TSA_NAME = { commonName: 'Invoice Desk Test TSA', organization: 'Billing API Simulator' };

const SUPPORTED_HASHES: Readonly<Record<string, { name: string; length: number }>> = {
  [OID.sha256]: { name: 'SHA-256', length: 32 },
  [OID.sha384]: { name: 'SHA-384', length: 48 },
  [OID.sha512]: { name: 'SHA-512', length: 64 },
};

export interface TestAuthorityOptions {
  /** The certificate's extended key usage: as RFC 3161 requires, or absent (to test a refusal). */
  readonly extendedKeyUsage?: 'timeStamping' | 'none';
  /**
   * Signs a signingCertificateV2 attribute binding the certificate (RFC 5816); default true.
   * 'otherCertificate' binds the hash of some other certificate (to test a refusal).
   */
  readonly essCertIdV2?: boolean | 'otherCertificate';
  readonly crypto?: typeof globalThis.crypto;
}

export interface TestAuthority {
  readonly certificate: pkijs.Certificate;
  /** Answers one DER TimeStampReq with a DER TimeStampResp, stamped at `now` (ms). */
  answer(query: Uint8Array, now: number): Promise<Uint8Array>;
}

const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer => {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
};

const names = (): pkijs.RelativeDistinguishedNames =>
  new pkijs.RelativeDistinguishedNames({
    typesAndValues: [
      new pkijs.AttributeTypeAndValue({
        type: OID.organization,
        value: new asn1js.Utf8String({ value: TEST_TSA_NAME.organization }),
      }),
      new pkijs.AttributeTypeAndValue({
        type: OID.commonName,
        value: new asn1js.Utf8String({ value: TEST_TSA_NAME.commonName }),
      }),
    ],
  });

const rejection = (failure: PkiFailureName): Uint8Array => {
  const bit = PKI_FAILURE_BITS[failure];
  const bits = new Uint8Array((bit >> 3) + 1);
  bits[bit >> 3] = 0x80 >> (bit & 7);
  const response = new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({
      status: pkijs.PKIStatus.rejection,
      failInfo: new asn1js.BitString({ valueHex: toArrayBuffer(bits), unusedBits: 7 - (bit & 7) }),
    }),
  });
  return new Uint8Array(response.toSchema().toBER(false));
};

const readRequest = (query: Uint8Array): pkijs.TimeStampReq | null => {
  const parsed = asn1js.fromBER(toArrayBuffer(query));
  if (parsed.offset === -1 || parsed.offset !== query.byteLength) return null;
  try {
    return new pkijs.TimeStampReq({ schema: parsed.result });
  } catch {
    return null;
  }
};

export const createTestAuthority = async (options: TestAuthorityOptions = {}): Promise<TestAuthority> => {
  const webCrypto = options.crypto ?? globalThis.crypto;
  const engine = new pkijs.CryptoEngine({ name: 'simulator-tsa', crypto: webCrypto });
  const keys = await webCrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);

  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = new asn1js.Integer({ value: 1 });
  certificate.issuer = names();
  certificate.subject = names();
  // Fixed, wide validity: the certificate must cover whatever date a test sets the clock to.
  certificate.notBefore.value = new Date(Date.UTC(2000, 0, 1));
  certificate.notAfter.value = new Date(Date.UTC(2049, 11, 31));
  certificate.extensions = [
    new pkijs.Extension({
      extnID: '2.5.29.19',
      critical: true,
      extnValue: new pkijs.BasicConstraints({ cA: false }).toSchema().toBER(false),
    }),
  ];
  if ((options.extendedKeyUsage ?? 'timeStamping') === 'timeStamping') {
    certificate.extensions.push(
      new pkijs.Extension({
        extnID: OID.extKeyUsage,
        critical: true,
        extnValue: new pkijs.ExtKeyUsage({ keyPurposes: [OID.timeStamping] }).toSchema().toBER(false),
      }),
    );
  }
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey, engine);
  await certificate.sign(keys.privateKey, 'SHA-256', engine);
  const certificateDer = new Uint8Array(certificate.toSchema().toBER(false));
  const certificateHash = new Uint8Array(await webCrypto.subtle.digest('SHA-256', certificateDer));
  let serial = 0;

  const answer = async (query: Uint8Array, now: number): Promise<Uint8Array> => {
    const request = readRequest(query);
    if (request === null) return rejection('badDataFormat');
    const imprint = request.messageImprint;
    const hash = SUPPORTED_HASHES[imprint.hashAlgorithm.algorithmId];
    if (hash === undefined) return rejection('badAlg');
    if (imprint.hashedMessage.valueBlock.valueHexView.byteLength !== hash.length)
      return rejection('badDataFormat');

    serial += 1;
    const tstInfo = new pkijs.TSTInfo({
      version: 1,
      policy: TEST_TSA_POLICY,
      messageImprint: imprint,
      serialNumber: new asn1js.Integer({ value: serial }),
      genTime: new Date(now),
      ...(request.nonce === undefined ? {} : { nonce: request.nonce }),
    });
    const content = new Uint8Array(tstInfo.toSchema().toBER(false));
    const contentDigest = new Uint8Array(await webCrypto.subtle.digest('SHA-256', content));
    const attributes = [
      new pkijs.Attribute({
        type: OID.contentTypeAttribute,
        values: [new asn1js.ObjectIdentifier({ value: OID.tstInfo })],
      }),
      new pkijs.Attribute({
        type: OID.messageDigestAttribute,
        values: [new asn1js.OctetString({ valueHex: toArrayBuffer(contentDigest) })],
      }),
    ];
    const binding = options.essCertIdV2 ?? true;
    if (binding !== false) {
      const boundHash = binding === 'otherCertificate' ? new Uint8Array(32).fill(0x42) : certificateHash;
      // SigningCertificateV2 { certs: [ESSCertIDv2 { certHash }] }, hashAlgorithm left at its sha256 default.
      const essCertId = new asn1js.Sequence({
        value: [new asn1js.OctetString({ valueHex: toArrayBuffer(boundHash) })],
      });
      attributes.push(
        new pkijs.Attribute({
          type: OID.signingCertificateV2,
          values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] })],
        }),
      );
    }
    const signedData = new pkijs.SignedData({
      version: 3,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({
        eContentType: OID.tstInfo,
        eContent: new asn1js.OctetString({ valueHex: toArrayBuffer(content) }),
      }),
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({
            issuer: certificate.issuer,
            serialNumber: certificate.serialNumber,
          }),
          signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
        }),
      ],
      ...(request.certReq === true ? { certificates: [certificate] } : {}),
    });
    await signedData.sign(keys.privateKey, 0, 'SHA-256', undefined, engine);
    const signedSchema: unknown = signedData.toSchema(true);
    if (!(signedSchema instanceof asn1js.Sequence)) throw new TypeError('SignedData is a SEQUENCE');
    // pkijs always writes eContent as a constructed (BER) OCTET STRING; a TSA's token is DER.
    const encapsulated = signedSchema.valueBlock.value[2];
    const explicit = encapsulated instanceof asn1js.Sequence ? encapsulated.valueBlock.value[1] : undefined;
    if (explicit instanceof asn1js.Constructed)
      explicit.valueBlock.value = [new asn1js.OctetString({ valueHex: toArrayBuffer(content) })];
    const token = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedSchema });
    const response = new pkijs.TimeStampResp({
      status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
      timeStampToken: token,
    });
    return new Uint8Array(response.toSchema().toBER(false));
  };

  return { certificate, answer };
};

const reply = (body: Uint8Array): SimResponse => ({
  status: 200,
  headers: { 'Content-Type': TIMESTAMP_REPLY_TYPE, 'Cache-Control': 'no-store' },
  body,
});

/** The /tsa route over one authority, made on first use; genTime from the simulator's clock. */
export const createTsaRoutes = (
  makeAuthority: () => Promise<TestAuthority> = () => createTestAuthority(),
): readonly Route[] => {
  let authority: Promise<TestAuthority> | null = null;
  const stamp = async (body: Uint8Array, clock: SimClock): Promise<SimResponse> => {
    authority ??= makeAuthority();
    return reply(await (await authority).answer(body, clock.now()));
  };
  return [
    { method: 'POST', pattern: '/tsa', handler: (request, context) => stamp(request.body, context.clock) },
  ];
};
