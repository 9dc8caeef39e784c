/**
 * The words of certificate expiry alerts — email and desktop notification — in the organization's
 * email language (the admins reading them share one console, not one browser).
 */
import type { MailLanguage } from '../../../shared/admin/alerts';

export interface AlertFacts {
  use: 'sp' | 'idp';
  subject: string;
  fingerprintSha256: string;
  notAfter: string;
  idpNames: string[];
  daysLeft: number;
  organization: string;
}

interface Words {
  sp: string;
  idp: (names: string) => string;
  subjectExpiring: (what: string, days: number) => string;
  subjectExpired: (what: string) => string;
  expiring: (days: number, date: string) => string;
  expired: (date: string) => string;
  spAction: string;
  idpAction: string;
  certificate: string;
  fingerprint: string;
  footer: (org: string) => string;
}

const WORDS: Record<MailLanguage, Words> = {
  en: {
    sp: 'The SP certificate',
    idp: (names) => `The signing certificate of ${names}`,
    subjectExpiring: (what, days) => `${what} expires in ${days} day${days === 1 ? '' : 's'}`,
    subjectExpired: (what) => `${what} has expired`,
    expiring: (days, date) => `expires in ${days} day${days === 1 ? '' : 's'}, on ${date}.`,
    expired: (date) => `expired on ${date}. Sign-ins that depend on it fail until it is renewed.`,
    spAction:
      'Renew it under Certificates in Tessera, send the new SP metadata to every identity provider, then finish the renewal.',
    idpAction:
      'Ask the identity provider for its new certificate (new metadata), then upload it under Identity providers in Tessera.',
    certificate: 'Certificate',
    fingerprint: 'SHA-256 fingerprint',
    footer: (org) => `Tessera certificate expiry alert for ${org}. Turn alerts on or off under Alerts.`,
  },
  sv: {
    sp: 'SP-certifikatet',
    idp: (names) => `Signeringscertifikatet för ${names}`,
    subjectExpiring: (what, days) => `${what} går ut om ${days} ${days === 1 ? 'dag' : 'dagar'}`,
    subjectExpired: (what) => `${what} har gått ut`,
    expiring: (days, date) => `går ut om ${days} ${days === 1 ? 'dag' : 'dagar'}, den ${date}.`,
    expired: (date) =>
      `gick ut den ${date}. Inloggningar som är beroende av det misslyckas tills det har förnyats.`,
    spAction:
      'Förnya det under Certifikat i Tessera, skicka de nya SP-metadata till alla identitetsleverantörer och slutför sedan förnyelsen.',
    idpAction:
      'Be identitetsleverantören om dess nya certifikat (nya metadata) och ladda sedan upp det under Identitetsleverantörer i Tessera.',
    certificate: 'Certifikat',
    fingerprint: 'SHA-256-fingeravtryck',
    footer: (org) =>
      `Varning från Tessera om certifikat som går ut, för ${org}. Slå på eller av varningar under Varningar.`,
  },
  fi: {
    sp: 'SP-varmenne',
    idp: (names) => `Palvelun ${names} allekirjoitusvarmenne`,
    subjectExpiring: (what, days) => `${what} vanhenee ${days} päivän kuluttua`,
    subjectExpired: (what) => `${what} on vanhentunut`,
    expiring: (days, date) => `vanhenee ${days} päivän kuluttua, ${date}.`,
    expired: (date) =>
      `vanheni ${date}. Siitä riippuvat kirjautumiset epäonnistuvat, kunnes varmenne on uusittu.`,
    spAction:
      'Uusi se Tesseran Varmenteet-osiossa, lähetä uudet SP-metatiedot jokaiselle identiteetintarjoajalle ja viimeistele sitten uusiminen.',
    idpAction:
      'Pyydä identiteetintarjoajalta sen uusi varmenne (uudet metatiedot) ja lataa se Tesseran Identiteetintarjoajat-osiossa.',
    certificate: 'Varmenne',
    fingerprint: 'SHA-256-sormenjälki',
    footer: (org) =>
      `Tesseran varoitus vanhenevasta varmenteesta organisaatiolle ${org}. Varoitukset kytketään päälle tai pois Varoitukset-osiossa.`,
  },
  pl: {
    sp: 'Certyfikat SP',
    idp: (names) => `Certyfikat podpisujący ${names}`,
    subjectExpiring: (what, days) => `${what} wygasa za ${days} ${days === 1 ? 'dzień' : 'dni'}`,
    subjectExpired: (what) => `${what} wygasł`,
    expiring: (days, date) => `wygasa za ${days} ${days === 1 ? 'dzień' : 'dni'}, ${date}.`,
    expired: (date) =>
      `wygasł ${date}. Logowania, które od niego zależą, nie działają, dopóki nie zostanie odnowiony.`,
    spAction:
      'Odnów go w sekcji Certyfikaty w Tesserze, wyślij nowe metadane SP do każdego dostawcy tożsamości, a następnie zakończ odnawianie.',
    idpAction:
      'Poproś dostawcę tożsamości o nowy certyfikat (nowe metadane), a następnie prześlij go w sekcji Dostawcy tożsamości w Tesserze.',
    certificate: 'Certyfikat',
    fingerprint: 'Odcisk SHA-256',
    footer: (org) =>
      `Alert Tessery o wygasającym certyfikacie dla ${org}. Alerty włącza się i wyłącza w sekcji Alerty.`,
  },
};

const DATE_LOCALES: Record<MailLanguage, string> = { en: 'en-GB', sv: 'sv-SE', fi: 'fi-FI', pl: 'pl-PL' };

export function formatDate(iso: string, language: MailLanguage): string {
  return new Intl.DateTimeFormat(DATE_LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(iso),
  );
}

export function alertText(
  facts: AlertFacts,
  language: MailLanguage,
): { subject: string; text: string; title: string; body: string } {
  const w = WORDS[language];
  const what = facts.use === 'sp' ? w.sp : w.idp(facts.idpNames.join(', '));
  const date = formatDate(facts.notAfter, language);
  const expired = facts.daysLeft < 0;
  const title = expired ? w.subjectExpired(what) : w.subjectExpiring(what, facts.daysLeft);
  const state = expired ? w.expired(date) : w.expiring(facts.daysLeft, date);
  const action = facts.use === 'sp' ? w.spAction : w.idpAction;
  const text = [
    `${what} (${facts.subject}) ${state}`,
    '',
    action,
    '',
    `${w.certificate}: ${facts.subject}`,
    `${w.fingerprint}: ${facts.fingerprintSha256}`,
    '',
    '-- ',
    w.footer(facts.organization),
    '',
  ].join('\n');
  return { subject: `[Tessera] ${title}`, text, title, body: `${facts.subject}: ${state}` };
}
