/**
 * The Test SSO diagnosis (English): check titles by check id, and each failure's detail and fix by
 * its code (electron/core/broker/saml-sp.ts, oidc-rp.ts). A code the console does not know yet
 * shows the core's own English words.
 */
export const enDiagnosis = {
  title: {
    size: 'Response size',
    xml: 'Well-formed XML without DTD',
    status: 'IdP reports success',
    destination: 'Destination is our ACS URL',
    issuer: 'Issuer is the IdP',
    algorithms: 'SHA-256 or better',
    'one-assertion': 'Exactly one assertion',
    encryption: 'Assertion not encrypted',
    conditions: 'Assertion has Conditions (audience and validity)',
    'idp-answer': 'The IdP answered',
    'in-response-to': 'Answers our request',
    signature: 'Assertion signed by a pinned certificate',
    time: 'Within its validity period',
    audience: 'Audience is our entity ID',
    'subject-confirmation': 'Bearer subject confirmation',
    recipient: 'Recipient is our ACS URL',
    expiry: 'Assertion expires',
    replay: 'Not seen before',
    authorization: 'IdP authorized the sign-in',
    state: 'State matches this sign-in',
    'issuer-parameter': 'Response comes from this IdP (iss)',
    token: 'Code exchanged for tokens',
    'id-token-signature': 'ID token signed with the pinned algorithm and the IdP’s key',
    'id-token-claims': 'ID token issuer, audience, nonce and lifetime',
    userinfo: 'Userinfo is about the same subject',
  },
  detail: {
    'encrypted-assertion':
      'The IdP encrypted the assertion (EncryptedAssertion); Tessera does not decrypt assertions, and its SP metadata offers no encryption key.',
    'no-conditions':
      'The assertion has no Conditions element, so it names no audience and no validity period.',
    'not-our-request':
      'The response does not answer a request Tessera sent in the last {{minutes}} minutes ({{message}}).',
    'several-assertions': 'The response carries more than one assertion.',
    'foreign-certificate': 'The response is signed by a certificate that is not in the uploaded metadata.',
    'bad-signature':
      "The assertion's signature does not verify with any certificate from the IdP's metadata ({{message}}).",
    'no-not-on-or-after': 'The assertion does not say when it expires (no NotOnOrAfter).',
    'outside-validity': 'The assertion is outside its validity period ({{message}}).',
    'wrong-audience': 'The assertion is meant for another service ({{message}}).',
    unprocessable: 'The response could not be processed ({{message}}).',
    'too-large': 'The response is larger than {{kb}} KB.',
    'not-base64': 'SAMLResponse is not base64.',
    'idp-status': 'The IdP answered {{answer}}.',
    'wrong-destination': 'The response is addressed to {{destination}}, not to {{acsUrl}}.',
    'wrong-response-issuer': 'The response comes from "{{issuer}}", not from "{{expected}}".',
    encrypted: 'The assertion is encrypted.',
    'no-assertion': 'The response carries no assertion.',
    'other-request': 'The response answers another request than the one this sign-in sent.',
    'no-in-response-to': 'The response does not say which request it answers (no InResponseTo).',
    doctype: 'The response contains a DOCTYPE or ENTITY declaration.',
    'not-well-formed': 'The response is not well-formed XML ({{message}}).',
    'not-a-response': 'The message is not a SAML protocol Response.',
    'weak-signature': 'The response is signed with {{algorithm}}.',
    'weak-digest': 'The response uses the digest {{algorithm}}.',
    'signed-not-assertion': 'The signed element is not an assertion.',
    'wrong-assertion-issuer': 'The assertion was issued by "{{issuer}}", not by "{{expected}}".',
    'no-subject-confirmation': 'The assertion has no SubjectConfirmation.',
    'not-bearer': 'The assertion’s subject confirmation is not "bearer".',
    'wrong-recipient': 'The assertion is for {{recipient}}, not for {{acsUrl}}.',
    'no-recipient': 'The assertion names no Recipient.',
    'assertion-other-request':
      'The signed assertion does not say it answers the request this sign-in sent (SubjectConfirmationData InResponseTo).',
    'never-expires': 'The assertion never expires (no NotOnOrAfter).',
    expired: 'The assertion has expired.',
    replayed: 'This assertion was already used to sign in.',
    'other-subject': 'The userinfo response is not about the signed-in subject ({{message}}).',
    'refused-authentication': 'The IdP refused the sign-in: {{error}} {{description}}',
    'refused-configuration': 'The IdP refused the sign-in: {{error}} {{description}}',
    'wrong-state': 'The response does not carry the state this sign-in sent.',
    'mix-up': 'The authorization response does not come from this IdP ({{message}}).',
    'bad-id-token-signature': "The ID token's signature or algorithm is not acceptable ({{message}}).",
    'bad-id-token-claims': "The ID token's claims are not for this sign-in ({{message}}).",
    'token-exchange-failed': 'Exchanging the code failed ({{message}}).',
    'no-id-token': 'No ID token came back.',
  },
  fix: {
    'encrypted-assertion':
      'Turn off assertion encryption for Tessera at the IdP (AD FS: remove the encryption certificate from the relying party trust; Entra ID: turn off token encryption for the application). The response still travels only to this computer, signed.',
    'no-conditions':
      "Configure the IdP to send Conditions with an AudienceRestriction naming Tessera's entity ID {{entityId}} (and NotBefore/NotOnOrAfter); for Web Browser SSO the audience is required.",
    'not-our-request': 'Start the sign-in from Tessera again; IdP-initiated sign-in is not accepted.',
    'several-assertions':
      'A genuine IdP sends exactly one; check the IdP, or the response was tampered with.',
    'foreign-certificate':
      "The IdP may have rolled its certificate: download its new metadata and upload it in this IdP's settings.",
    'bad-signature':
      'Make the IdP sign the assertion (not only the response) with SHA-256; if it does, the response was altered on the way.',
    'no-not-on-or-after': 'Configure the IdP to limit the assertion’s lifetime.',
    'outside-validity':
      "Check that this computer's clock and the IdP's are right (up to {{seconds}} s of difference is tolerated).",
    'wrong-audience':
      "Set the audience / SP entity ID at the IdP to Tessera's entity ID (it is in Tessera's SP metadata).",
    unprocessable: 'Check the IdP configuration.',
    'too-large': 'A genuine response is a few KB; check what the IdP sends.',
    'not-base64': 'The IdP must post the response with the HTTP-POST binding.',
    'idp-status':
      'An authentication error means the credentials (or the user’s access to this application at the IdP); anything else is the IdP’s configuration.',
    'wrong-destination': 'Set the ACS URL at the IdP to {{acsUrl}}.',
    'wrong-response-issuer': 'Upload this IdP’s own metadata; the response is from another entity.',
    encrypted: 'Turn off assertion encryption for Tessera at the IdP (the connection is local).',
    'no-assertion': 'A genuine IdP sends exactly one; check the IdP, or the response was tampered with.',
    'other-request': 'Start the sign-in from Tessera again; IdP-initiated sign-in is not accepted.',
    'no-in-response-to': 'Start the sign-in from Tessera again; IdP-initiated sign-in is not accepted.',
    doctype: 'SAML never needs one; Tessera refuses it (XXE, entity expansion).',
    'not-well-formed': 'Check what the IdP sends.',
    'not-a-response': 'Post the IdP’s SAML Response to this URL.',
    'weak-signature': 'Set the IdP to sign with RSA-SHA256 (SHA-1 is broken).',
    'weak-digest': 'Set the IdP to use SHA-256 digests (SHA-1 is broken).',
    'signed-not-assertion': 'The response was tampered with.',
    'wrong-assertion-issuer': 'Upload this IdP’s own metadata; the assertion is from another entity.',
    'no-subject-confirmation':
      'Web Browser SSO needs a bearer SubjectConfirmation (SAML profiles §4.1.4.2); check the IdP’s SAML profile settings.',
    'not-bearer':
      'Web Browser SSO needs a bearer SubjectConfirmation (SAML profiles §4.1.4.2); check the IdP’s SAML profile settings.',
    'wrong-recipient': 'Set the ACS URL at the IdP to {{acsUrl}}.',
    'no-recipient': 'Set the ACS URL at the IdP to {{acsUrl}}.',
    'assertion-other-request': 'Start the sign-in from Tessera again; IdP-initiated sign-in is not accepted.',
    'never-expires': 'Configure the IdP to limit the assertion’s lifetime.',
    expired: 'Check both clocks, then sign in again.',
    replayed: 'Sign in again; a response can be used once.',
    'other-subject':
      'The IdP answered with another user’s data; check the IdP, this response must not be trusted.',
    'refused-authentication':
      'An authentication error: the credentials, or the user’s access to this client at the IdP.',
    'refused-configuration':
      'A configuration error: check the client ID, redirect URI and scopes registered at the IdP.',
    'wrong-state': 'Start the sign-in from Tessera again (and finish it in the same browser).',
    'mix-up':
      'Another IdP answered (a mix-up); sign in again. If it persists, check the issuer stored for this IdP.',
    'bad-id-token-signature':
      'The IdP must sign ID tokens with the algorithm stored for it, with a key from its JWKS. If it rotated keys or algorithms, fetch its discovery document again.',
    'bad-id-token-claims': 'Check the issuer and client ID stored for this IdP, and this computer’s clock.',
    'token-exchange-failed':
      'Check the client ID and secret, and that the redirect URI is registered at the IdP.',
    'no-id-token': 'Request the openid scope.',
  },
};
