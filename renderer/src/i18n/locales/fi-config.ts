import type { Messages } from './en';

/** Configuration as code (Finnish); fi.ts merges it. */
export const fiConfig: Pick<Messages, 'config'> = {
  config: {
    title: 'Määritykset koodina',
    help: 'Koko organisaation määritykset – asetukset, toimialueet, identiteetintarjoajat attribuuttien määrityksineen, reitityssäännöt, MFA-käytäntö, sovellukset ja hakemiston asetukset – yhtenä YAML-tiedostona ilman salaisuuksia. Pidä se versionhallinnassa; kun tuot tiedoston, näet jokaisen muutoksen ennen kuin mitään otetaan käyttöön.',
    export: 'Vie (.yaml)',
    import: 'Tuo…',
    previewTitle: 'Muutokset tiedostosta {{file}}',
    invalid: 'Tiedostoa {{file}} ei otettu käyttöön. Korjaa nämä kohdat tiedostossa:',
    noChanges: 'Ei muutettavaa: määritykset vastaavat jo tiedostoa.',
    summary_one: 'Tiedosto tekee {{count}} muutoksen, kaikki kerralla:',
    summary_other: 'Tiedosto tekee {{count}} muutosta, kaikki kerralla:',
    warningsTitle: 'Ennen käyttöönottoa',
    warning: {
      idpWithoutActiveRule: '{{idp}} jää ilman aktiivista reitityssääntöä: sinne ei ohjata ketään.',
      localUsersDeleted_one:
        'Kun {{idp}} poistetaan, sen {{count}} paikallinen käyttäjä ja salasana poistetaan.',
      localUsersDeleted_other:
        'Kun {{idp}} poistetaan, sen {{count}} paikallista käyttäjää ja heidän salasanansa poistetaan.',
      idpRemoved: '{{idp}} poistetaan, samoin hakemiston käyttäjien linkit siihen ja sen testitulokset.',
    },
    changesLabel: 'Muutokset',
    action: { add: 'Lisätty', change: 'Muutettu', remove: 'Poistettu' },
    section: {
      organization: 'Organisaatio',
      domains: 'Toimialue',
      mfaPolicy: 'MFA-käytäntö',
      applications: 'Sovellus',
      directory: 'Hakemisto',
      idps: 'Identiteetintarjoaja',
      routing: 'Reitityssääntö',
    },
    special: { defaultRule: 'Oletussääntö', order: 'Sääntöjen järjestys' },
    field: 'Kenttä',
    before: 'Nyt',
    after: 'Tiedostosta',
    apply: 'Ota käyttöön',
    applied_one: 'Määritykset otettu käyttöön: {{count}} muutos.',
    applied_other: 'Määritykset otettu käyttöön: {{count}} muutosta.',
  },
};

export const fiConfigErrors: Pick<Messages['errors'], 'config'> = {
  config: {
    invalid: 'Tiedostoa ei otettu käyttöön: {{path}} on virheellinen.',
    stale: 'Määrityksiä on muutettu esikatselun jälkeen; katso uusi esikatselu ja ota käyttöön uudelleen.',
  },
};
