import type { Messages } from './en';

/** The live sign-in's words (Swedish); sv.ts merges them. */
export const svSignin: Pick<Messages, 'test' | 'jit' | 'directory'> = {
  test: {
    title: 'Testa SSO: {{name}}',
    run: 'Testa SSO',
    intro:
      'Logga in hos identitetsleverantören med ett testkonto. Tessera kör den riktiga inloggningen och kontrollerar varje steg i svaret. Ett autentiseringsfel hos identitetsleverantören betyder att inloggningsuppgifterna är fel; ett programfel betyder att konfigurationen inte stämmer.',
    open: 'Öppna inloggningsfönstret',
    copyUrl: 'Kopiera URL',
    copied: 'URL:en har kopierats',
    copyHint:
      'Om du vill testa utan en session som webbläsaren redan har hos identitetsleverantören klistrar du in URL:en i ett privat fönster.',
    waiting:
      'Väntar på svar från identitetsleverantören … (Tessera ger upp efter {{minutes}} minuter och säger varför.)',
    goBack: 'Gå tillbaka',
    close: 'Stäng',
    activate: 'Aktivera den här identitetsleverantören',
    checks: 'Kontroller',
    status: { pass: 'godkänd', fail: 'underkänd', skipped: 'hoppades över' },
    fix: 'Åtgärd',
    succeeded: 'Testet lyckades',
    failed: 'Testet misslyckades',
    subject: 'Inloggad som {{subject}}.',
    signedInAs: 'Inloggad som {{email}}.',
    signedInAsNamed: 'Inloggad som {{name}} ({{email}}).',
    subjectId: 'Subjekt hos identitetsleverantören: {{subject}}',
    claims: 'Mottagna anspråk',
    profile: 'Profil som JIT skulle skriva',
  },
  jit: {
    title: 'Attributmappning',
    help: 'Just-in-time-etablering skapar och uppdaterar användare i katalogen utifrån det som identitetsleverantören skickar vid varje inloggning.',
    idp: 'Identitetsleverantör',
    noIdps:
      'Lägg först till en SAML- eller OpenID Connect-identitetsleverantör. Den inbyggda identiteten har inga attribut att mappa.',
    preconditions: 'När JIT körs',
    pre: {
      directorySyncOn:
        'Katalogsynkronisering (DirSync / Azure AD) är på: JIT varken skapar eller uppdaterar användare. Stäng av den under Katalog för att använda JIT.',
      directorySyncOff: 'Katalogsynkronisering är av, så JIT kan skapa och uppdatera användare.',
      noClaimed:
        'Organisationen har inte gjort anspråk på någon domän, så ingen etableras. Verifiera och gör anspråk på era domäner under Organisation.',
      claimed: 'Bara användare i domäner som organisationen gjort anspråk på etableras: {{domains}}.',
      userIdSaml:
        'Användarnamnet och den primära e-postadressen kommer från SAML-attributet ”{{attribute}}” (anges i identitetsleverantörens inställningar). Det måste innehålla e-postadressen, UPN eller eduPersonPrincipalName.',
      userIdOidc: 'Användarnamnet och den primära e-postadressen kommer från anspråket ”email”.',
      notLive: '{{name}} används inte än ({{status}}): ingen loggar in via den förrän den är aktiv.',
      blockProfileUpdate:
        'Blockera uppdatering av användarprofil är på: användarna kan inte ändra sina egna attribut, men uppdateringar från inloggningar och administratörens ändringar gäller fortfarande.',
    },
    settings: 'Etablering',
    createUsers: 'Skapa eller aktivera användare',
    createUsersHint:
      'Om ingen aktiv användare hittas skapas en (eller aktiveras den befintliga), och sedan fylls attributen i.',
    updateUsers: 'Uppdatera användare med SAML-attribut',
    updateUsersOidc: 'Uppdatera användare med OpenID Connect-anspråk',
    updateUsersHint:
      'En känd användare uppdateras från identitetsleverantörens attribut vid varje inloggning.',
    allowNewEmail:
      'Tillåt inloggning med en annan, ännu okänd e-postadress (personen bekräftar sin identitet)',
    allowNewEmailHint:
      'Om den länkade användaren har en annan e-postadress bekräftar personen att det är hen; annars skapas en ny användare.',
    linkBy: 'Länka användare via',
    linkByNone: 'Bara e-postadress',
    linkByHint:
      'Ett attribut som är unikt per användare och hittar hen även när e-postadressen ändras. Där e-postadressen inte är en beständig identifierare (som i Azure AD) använder du externalId (t.ex. user.objectid). employeeNumber ersätter inte externalId: nummer återanvänds.',
    linkByUnmapped: '{{attribute}} är inte mappat nedan, så ingen kan länkas via det.',
    mapping: 'Profilattribut',
    mappingHelp:
      'För varje profilfält: namnet på SAML-attributet eller OpenID Connect-anspråket som fyller det. Lämna ett fält tomt om det inte ska röras.',
    field: 'Fält',
    attribute: 'Attribut hos identitetsleverantören',
    attributeFor: 'Attribut för {{field}}',
    phoneHint: 'Bara E.164: + och högst 15 siffror.',
    alternateEmailHint: 'Mappa en av dem till användar-ID-attributet så att personen kan logga in med den.',
    groupAttribute: 'Gruppattribut',
    groupAttributeHint:
      'Dess värden är gruppnamn (groupId eller gruppens externalId). Medlemskap växer bara: JIT tar aldrig bort någon från en grupp och tar aldrig bort användare.',
    attributeInvalid: 'Ett attributnamn har 1 till {{max}} tecken.',
    saved: 'JIT-inställningarna för {{name}} har sparats.',
    unsaved: 'Förhandsvisningen använder de sparade inställningarna: spara dina ändringar först.',
    preview: {
      title: 'Förhandsvisning av mappningen',
      help: 'Vad JIT skulle göra med de här attributen och de sparade inställningarna, jämfört med användaren som den skulle hitta. Inget skrivs.',
      lastTest: 'Förhandsvisa med det senaste testet',
      paste: 'Klistra in ett SAML-intyg, eller attribut som JSON ({"name": ["value"]})',
      run: 'Förhandsvisa',
      notJson: 'Detta är varken ett SAML-intyg (XML) eller giltig JSON.',
      notObject:
        'Ange ett JSON-objekt vars värden är listor med strängar, till exempel {"email": ["ada@example.com"], "groups": ["personal"]}.',
    },
    action: {
      create: 'Skapa användare',
      update: 'Uppdatera användare',
      unchanged: 'Inga ändringar',
      none: 'Inget skrivs',
      'confirm-identity': 'Personen måste bekräfta sin identitet',
    },
    linkedBy: 'Länkad via {{attribute}}',
    changes: 'Ändringar',
    before: 'Före',
    after: 'Efter',
    groupsAdded: 'Läggs till i grupper: {{groups}}',
    rejected: '{{field}}: ”{{value}}” avvisades: {{problem}}',
  },
  directory: {
    title: 'Katalog',
    settings: 'Kataloginställningar',
    directorySync: 'Katalogsynkronisering (DirSync / Azure AD)',
    directorySyncHint:
      'Användarna kommer från katalogsynkroniseringen, så JIT-etablering varken skapar eller uppdaterar dem.',
    blockProfileUpdate: 'Blockera uppdatering av användarprofil',
    blockProfileUpdateHint:
      'Användarna kan inte ändra sina egna attribut; uppdateringar från inloggningar och administratörens ändringar fungerar fortfarande.',
    licenseTemplate: 'Automatisk licensmall',
    licenseTemplateHint:
      'Licenser som varje ny användare får. Tom: nya användare får inga. Tryck på Enter efter varje.',
    saved: 'Kataloginställningarna har sparats.',
    users: 'Användare',
    search: 'Sök användare',
    searchHint: 'E-postadress, profilattribut eller grupp',
    count_one: '{{count}} användare',
    count_other: '{{count}} användare',
    empty: 'Det finns inga användare i katalogen än. Personer läggs till vid sin första inloggning.',
    noMatch: 'Inga användare matchar ”{{query}}”.',
    email: 'E-post',
    displayName: 'Visningsnamn',
    groups: 'Grupper',
    mfa: 'MFA',
    lastSignIn: 'Senaste inloggning',
    never: 'Aldrig',
    inactive: 'Inaktiverad',
    mfaStatus: {
      enrolled: 'Registrerad',
      notEnrolled: 'Inte registrerad',
      lockedUntil: 'Låst till {{time}}',
      lockedUntilReset: 'Låst tills MFA återställs',
    },
    optedIn: 'Har själv slagit på MFA',
    resetMfa: 'Återställ MFA',
    resetMfaFor: 'Återställ MFA för {{email}}',
    resetMfaBody:
      '{{email}} förlorar sin registrering i autentiseringsappen (och eventuell spärr) och registrerar sig igen vid nästa inloggning. Gör detta när personen har tappat bort sin enhet eller fått en ny telefon.',
    resetMfaDone: 'MFA för {{email}} har återställts.',
    details: 'Detaljer',
    detailsFor: 'Detaljer för {{email}}',
    profile: 'Profilattribut',
    noProfile: 'Inga profilattribut.',
    licenses: 'Licenser',
    noLicenses: 'Inga licenser.',
    noGroups: 'Inga grupper.',
    close: 'Stäng',
    created: 'Skapad av {{source}}, {{date}}',
    updated: 'Senast ändrad {{date}}',
  },
};

/** Reasons the sign-in broker, JIT, the directory and MFA give, in Swedish. */
export const svSigninErrors: Pick<
  Messages['errors'],
  'mfa' | 'signin' | 'jit' | 'directory' | 'test' | 'preview'
> = {
  mfa: {
    alreadyEnrolled: 'MFA är redan konfigurerat för den här användaren.',
    notEnrolled: 'MFA är inte konfigurerat för den här användaren.',
    secretMissing:
      'Användarens MFA-hemlighet saknas i nyckelringen; en administratör måste återställa användarens MFA.',
    wrongCode:
      'Koden stämmer inte ({{failures}} misslyckade i rad). Kontrollera att enhetens klocka går rätt.',
    codeReused: 'Koden har redan använts. Vänta på nästa kod och ange den.',
  },
  signin: {
    notRunning:
      'Inloggningstjänsten körs inte. Kontrollera dess port under Organisation (ett annat program kan använda den) och försök igen.',
    lockedOut: 'Låst efter för många misslyckade försök i rad. Be din administratör att återställa det.',
    throttled: 'För många misslyckade försök. Försök igen om {{seconds}} s.',
    busy: 'För många inloggningar pågår; försök igen om några minuter.',
  },
  jit: {
    builtin: 'Den inbyggda identiteten har inga attribut att mappa.',
    confirm: 'Personen har inte bekräftat sin identitet än.',
  },
  directory: {
    userNotFound: 'Användaren finns inte längre.',
    userMissing: 'Personen finns inte i katalogen, och JIT får inte skapa hen.',
    inactive: 'Användaren är inaktiverad i katalogen.',
  },
  test: {
    notFound: 'Testet finns inte längre. Starta ett nytt.',
  },
  preview: {
    notSaml:
      'Den inklistrade texten är inte ett SAML-intyg som Tessera kan läsa. Klistra in ett helt intyg, eller ett svar med exakt ett okrypterat intyg, utan DOCTYPE.',
    noTest:
      'Det finns inget lyckat test av den här identitetsleverantören än: kör Testa SSO eller klistra in attribut.',
    missingUserId:
      'Attributet som innehåller användar-ID:t saknas, så ingen kan etableras. Släpp det till Tessera hos identitetsleverantören, eller ange attributet den använder i identitetsleverantörens inställningar.',
    userIdNotEmail:
      'Användar-ID-attributet är ingen e-postadress. Använd ett attribut som innehåller e-postadressen, UPN eller eduPersonPrincipalName.',
    emailNotVerified:
      'Identitetsleverantören uppger att e-postadressen inte är verifierad (email_verified: false); Tessera loggar inte in med en overifierad adress.',
  },
};
