import type { Messages } from './en';

/** The Test SSO diagnosis (Swedish); sv.ts merges it. */
export const svDiagnosis: Messages['diag'] = {
  title: {
    size: 'Svarets storlek',
    xml: 'Välformad XML utan DTD',
    status: 'Identitetsleverantören rapporterar lyckat',
    destination: 'Destination är vår ACS-URL',
    issuer: 'Utfärdaren är identitetsleverantören',
    algorithms: 'SHA-256 eller bättre',
    'one-assertion': 'Exakt ett intyg',
    encryption: 'Intyget är inte krypterat',
    conditions: 'Intyget har Conditions (målgrupp och giltighet)',
    'idp-answer': 'IdP:n svarade',
    'in-response-to': 'Svarar på vår begäran',
    signature: 'Intyget är signerat av ett fäst certifikat',
    time: 'Inom sin giltighetstid',
    audience: 'Målgruppen är vårt entitets-ID',
    'subject-confirmation': 'Bearer-bekräftelse av subjektet',
    recipient: 'Mottagaren är vår ACS-URL',
    expiry: 'Intyget upphör att gälla',
    replay: 'Inte sett tidigare',
    authorization: 'Identitetsleverantören godkände inloggningen',
    state: 'State stämmer med den här inloggningen',
    'issuer-parameter': 'Svaret kommer från den här identitetsleverantören (iss)',
    token: 'Koden byttes mot token',
    'id-token-signature': 'ID-token signerad med den fästa algoritmen och leverantörens nyckel',
    'id-token-claims': 'ID-tokens utfärdare, målgrupp, nonce och livstid',
    userinfo: 'Userinfo gäller samma subjekt',
  },
  detail: {
    'encrypted-assertion':
      'IdP:n krypterade intyget (EncryptedAssertion); Tessera dekrypterar inte intyg, och dess SP-metadata erbjuder ingen krypteringsnyckel.',
    'no-conditions': 'Intyget saknar elementet Conditions, så det anger varken målgrupp eller giltighetstid.',
    'not-our-request':
      'Svaret besvarar ingen begäran som Tessera skickat de senaste {{minutes}} minuterna ({{message}}).',
    'several-assertions': 'Svaret innehåller mer än ett intyg.',
    'foreign-certificate': 'Svaret är signerat med ett certifikat som inte finns i den uppladdade metadatan.',
    'bad-signature':
      'Intygets signatur kan inte verifieras med något certifikat från leverantörens metadata ({{message}}).',
    'no-not-on-or-after': 'Intyget anger inte när det upphör att gälla (inget NotOnOrAfter).',
    'outside-validity': 'Intyget är utanför sin giltighetstid ({{message}}).',
    'wrong-audience': 'Intyget är avsett för en annan tjänst ({{message}}).',
    unprocessable: 'Svaret kunde inte behandlas ({{message}}).',
    'too-large': 'Svaret är större än {{kb}} kB.',
    'not-base64': 'SAMLResponse är inte base64.',
    'idp-status': 'Identitetsleverantören svarade {{answer}}.',
    'wrong-destination': 'Svaret är adresserat till {{destination}}, inte till {{acsUrl}}.',
    'wrong-response-issuer': 'Svaret kommer från ”{{issuer}}”, inte från ”{{expected}}”.',
    encrypted: 'Intyget är krypterat.',
    'no-assertion': 'Svaret innehåller inget intyg.',
    'other-request': 'Svaret besvarar en annan begäran än den som den här inloggningen skickade.',
    'no-in-response-to': 'Svaret anger inte vilken begäran det besvarar (inget InResponseTo).',
    doctype: 'Svaret innehåller en DOCTYPE- eller ENTITY-deklaration.',
    'not-well-formed': 'Svaret är inte välformad XML ({{message}}).',
    'not-a-response': 'Meddelandet är inte ett Response i SAML-protokollet.',
    'weak-signature': 'Svaret är signerat med {{algorithm}}.',
    'weak-digest': 'Svaret använder hashfunktionen {{algorithm}}.',
    'signed-not-assertion': 'Det signerade elementet är inte ett intyg.',
    'wrong-assertion-issuer': 'Intyget utfärdades av ”{{issuer}}”, inte av ”{{expected}}”.',
    'no-subject-confirmation': 'Intyget saknar SubjectConfirmation.',
    'not-bearer': 'Intygets bekräftelse av subjektet är inte ”bearer”.',
    'wrong-recipient': 'Intyget är avsett för {{recipient}}, inte för {{acsUrl}}.',
    'no-recipient': 'Intyget anger ingen mottagare (Recipient).',
    'assertion-other-request':
      'Det signerade intyget anger inte att det besvarar den här inloggningens begäran (SubjectConfirmationData InResponseTo).',
    'never-expires': 'Intyget upphör aldrig att gälla (inget NotOnOrAfter).',
    expired: 'Intyget har gått ut.',
    replayed: 'Det här intyget har redan använts för att logga in.',
    'other-subject': 'Userinfo-svaret gäller inte det inloggade subjektet ({{message}}).',
    'refused-authentication': 'Identitetsleverantören nekade inloggningen: {{error}} {{description}}',
    'refused-configuration': 'Identitetsleverantören nekade inloggningen: {{error}} {{description}}',
    'wrong-state': 'Svaret innehåller inte den state som den här inloggningen skickade.',
    'mix-up': 'Auktoriseringssvaret kommer inte från den här identitetsleverantören ({{message}}).',
    'bad-id-token-signature': 'ID-tokens signatur eller algoritm godtas inte ({{message}}).',
    'bad-id-token-claims': 'ID-tokens anspråk gäller inte den här inloggningen ({{message}}).',
    'token-exchange-failed': 'Det gick inte att byta koden ({{message}}).',
    'no-id-token': 'Ingen ID-token kom tillbaka.',
  },
  fix: {
    'encrypted-assertion':
      'Stäng av kryptering av intyg för Tessera hos IdP:n (AD FS: ta bort krypteringscertifikatet från förtroendet för den förlitande parten; Entra ID: stäng av tokenkryptering för programmet). Svaret går ändå bara till den här datorn, signerat.',
    'no-conditions':
      'Ställ in IdP:n så att den skickar Conditions med en AudienceRestriction som anger Tesseras entitets-ID {{entityId}} (och NotBefore/NotOnOrAfter); för Web Browser SSO krävs målgruppen.',
    'not-our-request': 'Starta inloggningen från Tessera igen; IdP-initierad inloggning godtas inte.',
    'several-assertions':
      'En äkta identitetsleverantör skickar exakt ett; kontrollera leverantören, annars har svaret manipulerats.',
    'foreign-certificate':
      'Leverantören kan ha bytt certifikat: hämta dess nya metadata och ladda upp den i leverantörens inställningar.',
    'bad-signature':
      'Låt leverantören signera intyget (inte bara svaret) med SHA-256; gör den redan det har svaret ändrats på vägen.',
    'no-not-on-or-after': 'Ställ in leverantören så att intygets livstid begränsas.',
    'outside-validity':
      'Kontrollera att den här datorns och leverantörens klockor går rätt (upp till {{seconds}} s skillnad tolereras).',
    'wrong-audience':
      'Ange Tesseras entitets-ID som målgrupp / SP-entitets-ID hos leverantören (det finns i Tesseras SP-metadata).',
    unprocessable: 'Kontrollera leverantörens konfiguration.',
    'too-large': 'Ett äkta svar är några kB; kontrollera vad leverantören skickar.',
    'not-base64': 'Leverantören måste posta svaret med bindningen HTTP-POST.',
    'idp-status':
      'Ett autentiseringsfel gäller inloggningsuppgifterna (eller användarens åtkomst till programmet hos leverantören); allt annat är leverantörens konfiguration.',
    'wrong-destination': 'Ange ACS-URL:en {{acsUrl}} hos leverantören.',
    'wrong-response-issuer':
      'Ladda upp den här leverantörens egen metadata; svaret kommer från en annan entitet.',
    encrypted: 'Stäng av kryptering av intyg för Tessera hos leverantören (anslutningen är lokal).',
    'no-assertion':
      'En äkta identitetsleverantör skickar exakt ett; kontrollera leverantören, annars har svaret manipulerats.',
    'other-request': 'Starta inloggningen från Tessera igen; IdP-initierad inloggning godtas inte.',
    'no-in-response-to': 'Starta inloggningen från Tessera igen; IdP-initierad inloggning godtas inte.',
    doctype: 'SAML behöver aldrig en sådan; Tessera nekar den (XXE, entitetsexpansion).',
    'not-well-formed': 'Kontrollera vad leverantören skickar.',
    'not-a-response': 'Posta leverantörens SAML Response till den här URL:en.',
    'weak-signature': 'Ställ in leverantören att signera med RSA-SHA256 (SHA-1 är knäckt).',
    'weak-digest': 'Ställ in leverantören att använda SHA-256 (SHA-1 är knäckt).',
    'signed-not-assertion': 'Svaret har manipulerats.',
    'wrong-assertion-issuer':
      'Ladda upp den här leverantörens egen metadata; intyget kommer från en annan entitet.',
    'no-subject-confirmation':
      'Web Browser SSO kräver en bearer-SubjectConfirmation (SAML profiles §4.1.4.2); kontrollera leverantörens SAML-profilinställningar.',
    'not-bearer':
      'Web Browser SSO kräver en bearer-SubjectConfirmation (SAML profiles §4.1.4.2); kontrollera leverantörens SAML-profilinställningar.',
    'wrong-recipient': 'Ange ACS-URL:en {{acsUrl}} hos leverantören.',
    'no-recipient': 'Ange ACS-URL:en {{acsUrl}} hos leverantören.',
    'assertion-other-request': 'Starta inloggningen från Tessera igen; IdP-initierad inloggning godtas inte.',
    'never-expires': 'Ställ in leverantören så att intygets livstid begränsas.',
    expired: 'Kontrollera båda klockorna och logga sedan in igen.',
    replayed: 'Logga in igen; ett svar kan användas en gång.',
    'other-subject':
      'Leverantören svarade med en annan användares uppgifter; kontrollera leverantören, svaret får inte litas på.',
    'refused-authentication':
      'Ett autentiseringsfel: inloggningsuppgifterna, eller användarens åtkomst till klienten hos leverantören.',
    'refused-configuration':
      'Ett konfigurationsfel: kontrollera klient-ID, omdirigerings-URI och scopes som registrerats hos leverantören.',
    'wrong-state': 'Starta inloggningen från Tessera igen (och slutför den i samma webbläsare).',
    'mix-up':
      'En annan leverantör svarade (en sammanblandning); logga in igen. Om det fortsätter, kontrollera utfärdaren som sparats för leverantören.',
    'bad-id-token-signature':
      'Leverantören måste signera ID-token med den algoritm som sparats för den och med en nyckel från dess JWKS. Om den bytt nycklar eller algoritm, hämta dess discovery-dokument igen.',
    'bad-id-token-claims':
      'Kontrollera utfärdaren och klient-ID:t som sparats för leverantören, och datorns klocka.',
    'token-exchange-failed':
      'Kontrollera klient-ID och klienthemlighet, och att omdirigerings-URI:n är registrerad hos leverantören.',
    'no-id-token': 'Begär scopet openid.',
  },
};
