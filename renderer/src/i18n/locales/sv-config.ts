import type { Messages } from './en';

/** Configuration as code (Swedish); sv.ts merges it. */
export const svConfig: Pick<Messages, 'config'> = {
  config: {
    title: 'Konfiguration som kod',
    help: 'Hela organisationens konfiguration – inställningar, domäner, identitetsleverantörer med sin attributmappning, routningsregler, MFA-policy, program och kataloginställningar – som en YAML-fil utan hemligheter. Versionshantera den; när du importerar en fil ser du varje ändring innan något tillämpas.',
    export: 'Exportera (.yaml)',
    import: 'Importera…',
    previewTitle: 'Ändringar från {{file}}',
    invalid: '{{file}} tillämpades inte. Rätta de här ställena i filen:',
    noChanges: 'Inget att ändra: konfigurationen stämmer redan med filen.',
    summary_one: 'Filen gör {{count}} ändring, allt på en gång:',
    summary_other: 'Filen gör {{count}} ändringar, allt på en gång:',
    warningsTitle: 'Innan du tillämpar',
    warning: {
      idpWithoutActiveRule: '{{idp}} blir utan aktiv routningsregel: ingen skickas dit.',
      localUsersDeleted_one: 'När {{idp}} tas bort raderas dess {{count}} lokala användare och lösenordet.',
      localUsersDeleted_other:
        'När {{idp}} tas bort raderas dess {{count}} lokala användare och deras lösenord.',
      idpRemoved:
        '{{idp}} tas bort, tillsammans med katalogens användarkopplingar till den och dess testresultat.',
    },
    changesLabel: 'Ändringar',
    action: { add: 'Tillagd', change: 'Ändrad', remove: 'Borttagen' },
    section: {
      organization: 'Organisation',
      domains: 'Domän',
      mfaPolicy: 'MFA-policy',
      applications: 'Program',
      directory: 'Katalog',
      idps: 'Identitetsleverantör',
      routing: 'Routningsregel',
    },
    special: { defaultRule: 'Standardregel', order: 'Reglernas ordning' },
    field: 'Fält',
    before: 'Nu',
    after: 'Från filen',
    apply: 'Tillämpa',
    applied_one: 'Konfigurationen är tillämpad: {{count}} ändring.',
    applied_other: 'Konfigurationen är tillämpad: {{count}} ändringar.',
  },
};

export const svConfigErrors: Pick<Messages['errors'], 'config'> = {
  config: {
    invalid: 'Filen tillämpades inte: {{path}} är fel.',
    stale:
      'Konfigurationen har ändrats sedan förhandsvisningen; titta på den nya förhandsvisningen och tillämpa igen.',
  },
};
