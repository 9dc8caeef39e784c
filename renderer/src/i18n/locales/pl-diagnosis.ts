import type { Messages } from './en';

/** The Test SSO diagnosis (Polish); pl.ts merges it. */
export const plDiagnosis: Messages['diag'] = {
  title: {
    size: 'Rozmiar odpowiedzi',
    xml: 'Poprawny XML bez DTD',
    status: 'Dostawca tożsamości zgłasza powodzenie',
    destination: 'Miejscem docelowym jest nasz adres ACS',
    issuer: 'Wystawcą jest dostawca tożsamości',
    algorithms: 'SHA-256 lub lepszy',
    'one-assertion': 'Dokładnie jedna asercja',
    encryption: 'Asercja nie jest zaszyfrowana',
    conditions: 'Asercja ma Conditions (odbiorca i ważność)',
    'idp-answer': 'IdP odpowiedział',
    'in-response-to': 'Odpowiada na nasze żądanie',
    signature: 'Asercja podpisana przypiętym certyfikatem',
    time: 'W okresie ważności',
    audience: 'Odbiorcą (audience) jest nasz identyfikator jednostki',
    'subject-confirmation': 'Potwierdzenie podmiotu typu bearer',
    recipient: 'Adresatem jest nasz adres ACS',
    expiry: 'Asercja wygasa',
    replay: 'Nie widziana wcześniej',
    authorization: 'Dostawca tożsamości zezwolił na logowanie',
    state: 'State zgadza się z tym logowaniem',
    'issuer-parameter': 'Odpowiedź pochodzi od tego dostawcy (iss)',
    token: 'Kod wymieniony na tokeny',
    'id-token-signature': 'Token ID podpisany przypiętym algorytmem i kluczem dostawcy',
    'id-token-claims': 'Wystawca, odbiorca, nonce i czas życia tokenu ID',
    userinfo: 'Userinfo dotyczy tego samego podmiotu',
  },
  detail: {
    'encrypted-assertion':
      'IdP zaszyfrował asercję (EncryptedAssertion); Tessera nie odszyfrowuje asercji, a jej metadane SP nie oferują klucza szyfrowania.',
    'no-conditions': 'Asercja nie ma elementu Conditions, więc nie wskazuje odbiorcy ani okresu ważności.',
    'not-our-request':
      'Odpowiedź nie odpowiada na żadne żądanie wysłane przez Tesserę w ciągu ostatnich {{minutes}} minut ({{message}}).',
    'several-assertions': 'Odpowiedź zawiera więcej niż jedną asercję.',
    'foreign-certificate': 'Odpowiedź jest podpisana certyfikatem, którego nie ma w przesłanych metadanych.',
    'bad-signature':
      'Podpisu asercji nie da się zweryfikować żadnym certyfikatem z metadanych dostawcy ({{message}}).',
    'no-not-on-or-after': 'Asercja nie mówi, kiedy wygasa (brak NotOnOrAfter).',
    'outside-validity': 'Asercja jest poza okresem ważności ({{message}}).',
    'wrong-audience': 'Asercja jest przeznaczona dla innej usługi ({{message}}).',
    unprocessable: 'Nie udało się przetworzyć odpowiedzi ({{message}}).',
    'too-large': 'Odpowiedź jest większa niż {{kb}} KB.',
    'not-base64': 'SAMLResponse nie jest w base64.',
    'idp-status': 'Dostawca tożsamości odpowiedział {{answer}}.',
    'wrong-destination': 'Odpowiedź jest zaadresowana do {{destination}}, a nie do {{acsUrl}}.',
    'wrong-response-issuer': 'Odpowiedź pochodzi od „{{issuer}}”, a nie od „{{expected}}”.',
    encrypted: 'Asercja jest zaszyfrowana.',
    'no-assertion': 'Odpowiedź nie zawiera asercji.',
    'other-request': 'Odpowiedź odpowiada na inne żądanie niż to, które wysłało to logowanie.',
    'no-in-response-to': 'Odpowiedź nie mówi, na które żądanie odpowiada (brak InResponseTo).',
    doctype: 'Odpowiedź zawiera deklarację DOCTYPE lub ENTITY.',
    'not-well-formed': 'Odpowiedź nie jest poprawnym XML ({{message}}).',
    'not-a-response': 'Wiadomość nie jest elementem Response protokołu SAML.',
    'weak-signature': 'Odpowiedź jest podpisana algorytmem {{algorithm}}.',
    'weak-digest': 'Odpowiedź używa skrótu {{algorithm}}.',
    'signed-not-assertion': 'Podpisany element nie jest asercją.',
    'wrong-assertion-issuer': 'Asercję wystawił „{{issuer}}”, a nie „{{expected}}”.',
    'no-subject-confirmation': 'Asercja nie ma elementu SubjectConfirmation.',
    'not-bearer': 'Potwierdzenie podmiotu w asercji nie jest typu „bearer”.',
    'wrong-recipient': 'Asercja jest dla {{recipient}}, a nie dla {{acsUrl}}.',
    'no-recipient': 'Asercja nie wskazuje adresata (Recipient).',
    'assertion-other-request':
      'Podpisana asercja nie mówi, że odpowiada na żądanie tego logowania (SubjectConfirmationData InResponseTo).',
    'never-expires': 'Asercja nigdy nie wygasa (brak NotOnOrAfter).',
    expired: 'Asercja wygasła.',
    replayed: 'Ta asercja została już użyta do zalogowania.',
    'other-subject': 'Odpowiedź userinfo nie dotyczy zalogowanego podmiotu ({{message}}).',
    'refused-authentication': 'Dostawca tożsamości odmówił logowania: {{error}} {{description}}',
    'refused-configuration': 'Dostawca tożsamości odmówił logowania: {{error}} {{description}}',
    'wrong-state': 'Odpowiedź nie zawiera wartości state wysłanej przez to logowanie.',
    'mix-up': 'Odpowiedź autoryzacyjna nie pochodzi od tego dostawcy ({{message}}).',
    'bad-id-token-signature': 'Podpis lub algorytm tokenu ID jest nie do przyjęcia ({{message}}).',
    'bad-id-token-claims': 'Oświadczenia tokenu ID nie dotyczą tego logowania ({{message}}).',
    'token-exchange-failed': 'Wymiana kodu nie powiodła się ({{message}}).',
    'no-id-token': 'Nie zwrócono tokenu ID.',
  },
  fix: {
    'encrypted-assertion':
      'Wyłącz w IdP szyfrowanie asercji dla Tessery (AD FS: usuń certyfikat szyfrowania z zaufania jednostki uzależnionej; Entra ID: wyłącz szyfrowanie tokenów dla aplikacji). Odpowiedź i tak trafia tylko do tego komputera, podpisana.',
    'no-conditions':
      'Skonfiguruj IdP tak, aby wysyłał Conditions z AudienceRestriction wskazującym identyfikator jednostki Tessery {{entityId}} (oraz NotBefore/NotOnOrAfter); dla Web Browser SSO odbiorca jest wymagany.',
    'not-our-request':
      'Rozpocznij logowanie ponownie z Tessery; logowanie inicjowane przez dostawcę nie jest akceptowane.',
    'several-assertions':
      'Prawdziwy dostawca wysyła dokładnie jedną; sprawdź dostawcę, albo odpowiedź została zmanipulowana.',
    'foreign-certificate':
      'Dostawca mógł zmienić certyfikat: pobierz jego nowe metadane i prześlij je w ustawieniach tego dostawcy.',
    'bad-signature':
      'Ustaw dostawcę tak, by podpisywał asercję (nie tylko odpowiedź) z SHA-256; jeśli już to robi, odpowiedź zmieniono po drodze.',
    'no-not-on-or-after': 'Skonfiguruj dostawcę tak, by ograniczał czas życia asercji.',
    'outside-validity':
      'Sprawdź, czy zegary tego komputera i dostawcy są poprawne (tolerowana różnica to {{seconds}} s).',
    'wrong-audience':
      'Ustaw u dostawcy odbiorcę / identyfikator jednostki SP na identyfikator Tessery (jest w metadanych SP Tessery).',
    unprocessable: 'Sprawdź konfigurację dostawcy.',
    'too-large': 'Prawdziwa odpowiedź ma kilka KB; sprawdź, co wysyła dostawca.',
    'not-base64': 'Dostawca musi wysłać odpowiedź wiązaniem HTTP-POST.',
    'idp-status':
      'Błąd uwierzytelnienia dotyczy danych logowania (lub dostępu użytkownika do tej aplikacji u dostawcy); wszystko inne to konfiguracja dostawcy.',
    'wrong-destination': 'Ustaw u dostawcy adres ACS {{acsUrl}}.',
    'wrong-response-issuer': 'Prześlij własne metadane tego dostawcy; odpowiedź pochodzi od innej jednostki.',
    encrypted: 'Wyłącz u dostawcy szyfrowanie asercji dla Tessery (połączenie jest lokalne).',
    'no-assertion':
      'Prawdziwy dostawca wysyła dokładnie jedną; sprawdź dostawcę, albo odpowiedź została zmanipulowana.',
    'other-request':
      'Rozpocznij logowanie ponownie z Tessery; logowanie inicjowane przez dostawcę nie jest akceptowane.',
    'no-in-response-to':
      'Rozpocznij logowanie ponownie z Tessery; logowanie inicjowane przez dostawcę nie jest akceptowane.',
    doctype: 'SAML nigdy jej nie potrzebuje; Tessera ją odrzuca (XXE, rozwijanie encji).',
    'not-well-formed': 'Sprawdź, co wysyła dostawca.',
    'not-a-response': 'Wyślij element SAML Response dostawcy na ten adres.',
    'weak-signature': 'Ustaw dostawcę tak, by podpisywał RSA-SHA256 (SHA-1 jest złamany).',
    'weak-digest': 'Ustaw dostawcę tak, by używał skrótów SHA-256 (SHA-1 jest złamany).',
    'signed-not-assertion': 'Odpowiedź została zmanipulowana.',
    'wrong-assertion-issuer': 'Prześlij własne metadane tego dostawcy; asercja pochodzi od innej jednostki.',
    'no-subject-confirmation':
      'Web Browser SSO wymaga SubjectConfirmation typu bearer (SAML profiles §4.1.4.2); sprawdź ustawienia profilu SAML dostawcy.',
    'not-bearer':
      'Web Browser SSO wymaga SubjectConfirmation typu bearer (SAML profiles §4.1.4.2); sprawdź ustawienia profilu SAML dostawcy.',
    'wrong-recipient': 'Ustaw u dostawcy adres ACS {{acsUrl}}.',
    'no-recipient': 'Ustaw u dostawcy adres ACS {{acsUrl}}.',
    'assertion-other-request':
      'Rozpocznij logowanie ponownie z Tessery; logowanie inicjowane przez dostawcę nie jest akceptowane.',
    'never-expires': 'Skonfiguruj dostawcę tak, by ograniczał czas życia asercji.',
    expired: 'Sprawdź oba zegary, a potem zaloguj się ponownie.',
    replayed: 'Zaloguj się ponownie; odpowiedzi można użyć tylko raz.',
    'other-subject':
      'Dostawca odpowiedział danymi innego użytkownika; sprawdź dostawcę, tej odpowiedzi nie wolno ufać.',
    'refused-authentication':
      'Błąd uwierzytelnienia: dane logowania lub dostęp użytkownika do tego klienta u dostawcy.',
    'refused-configuration':
      'Błąd konfiguracji: sprawdź identyfikator klienta, adres przekierowania i zakresy zarejestrowane u dostawcy.',
    'wrong-state': 'Rozpocznij logowanie ponownie z Tessery (i dokończ je w tej samej przeglądarce).',
    'mix-up':
      'Odpowiedział inny dostawca (pomyłka); zaloguj się ponownie. Jeśli to się powtarza, sprawdź wystawcę zapisanego dla tego dostawcy.',
    'bad-id-token-signature':
      'Dostawca musi podpisywać tokeny ID algorytmem zapisanym dla niego, kluczem z jego JWKS. Jeśli zmienił klucze lub algorytm, pobierz ponownie jego dokument discovery.',
    'bad-id-token-claims':
      'Sprawdź wystawcę i identyfikator klienta zapisane dla tego dostawcy oraz zegar tego komputera.',
    'token-exchange-failed':
      'Sprawdź identyfikator i sekret klienta oraz czy adres przekierowania jest zarejestrowany u dostawcy.',
    'no-id-token': 'Zażądaj zakresu openid.',
  },
};
