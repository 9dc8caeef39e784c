/** The welcome email to a user JIT created (C6), in the user's language. */
import type { MailLanguage } from '../../../shared/admin/alerts';

export interface WelcomeFacts {
  organization: string;
  email: string;
  name: string | null;
  idpName: string;
}

const WORDS: Record<
  MailLanguage,
  {
    subject: (org: string) => string;
    greeting: (name: string | null) => string;
    created: (org: string, idp: string) => string;
    address: (email: string) => string;
    next: string;
    notYou: string;
  }
> = {
  en: {
    subject: (org) => `Welcome to ${org}`,
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    created: (org, idp) =>
      `an account was created for you in ${org}'s directory when you signed in through ${idp}.`,
    address: (email) => `You sign in with ${email}.`,
    next: 'If your organization requires two-step verification, you will be asked to set up an authenticator app the next time you sign in.',
    notYou: 'If you did not sign in, tell your administrator.',
  },
  sv: {
    subject: (org) => `Välkommen till ${org}`,
    greeting: (name) => (name ? `Hej ${name},` : 'Hej,'),
    created: (org, idp) => `ett konto skapades åt dig i katalogen för ${org} när du loggade in via ${idp}.`,
    address: (email) => `Du loggar in med ${email}.`,
    next: 'Om din organisation kräver tvåstegsverifiering blir du ombedd att konfigurera en autentiseringsapp nästa gång du loggar in.',
    notYou: 'Om det inte var du som loggade in, meddela din administratör.',
  },
  fi: {
    subject: (org) => `Tervetuloa: ${org}`,
    greeting: (name) => (name ? `Hei ${name},` : 'Hei,'),
    created: (org, idp) =>
      `sinulle luotiin tili organisaation ${org} hakemistoon, kun kirjauduit palvelun ${idp} kautta.`,
    address: (email) => `Kirjaudut osoitteella ${email}.`,
    next: 'Jos organisaatiosi edellyttää kaksivaiheista tunnistautumista, sinua pyydetään ottamaan todennussovellus käyttöön seuraavalla kirjautumiskerralla.',
    notYou: 'Jos et kirjautunut itse, ilmoita asiasta ylläpitäjällesi.',
  },
  pl: {
    subject: (org) => `Witamy w ${org}`,
    greeting: (name) => (name ? `Dzień dobry, ${name},` : 'Dzień dobry,'),
    created: (org, idp) =>
      `podczas logowania przez ${idp} utworzono dla Ciebie konto w katalogu organizacji ${org}.`,
    address: (email) => `Logujesz się adresem ${email}.`,
    next: 'Jeśli Twoja organizacja wymaga weryfikacji dwuetapowej, przy następnym logowaniu zostaniesz poproszony o skonfigurowanie aplikacji uwierzytelniającej.',
    notYou: 'Jeśli to nie Ty się logowałeś, powiadom administratora.',
  },
};

export function welcomeText(facts: WelcomeFacts, language: MailLanguage): { subject: string; text: string } {
  const w = WORDS[language];
  return {
    subject: w.subject(facts.organization),
    text: [
      w.greeting(facts.name),
      '',
      `${w.created(facts.organization, facts.idpName)} ${w.address(facts.email)}`,
      '',
      w.next,
      '',
      w.notYou,
      '',
      '-- ',
      facts.organization,
      '',
    ].join('\n'),
  };
}
