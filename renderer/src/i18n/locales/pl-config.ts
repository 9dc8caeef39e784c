import type { Messages } from './en';

/** Configuration as code (Polish); pl.ts merges it. */
export const plConfig: Pick<Messages, 'config'> = {
  config: {
    title: 'Konfiguracja jako kod',
    help: 'Cała konfiguracja organizacji – ustawienia, domeny, dostawcy tożsamości z mapowaniem atrybutów, reguły routingu, zasady MFA, aplikacje i ustawienia katalogu – jako jeden plik YAML bez sekretów. Trzymaj go w systemie kontroli wersji; import pliku pokazuje każdą zmianę, zanim cokolwiek zostanie zastosowane.',
    export: 'Eksportuj (.yaml)',
    import: 'Importuj…',
    previewTitle: 'Zmiany z pliku {{file}}',
    invalid: 'Plik {{file}} nie został zastosowany. Popraw te miejsca w pliku:',
    noChanges: 'Nic do zmiany: konfiguracja już odpowiada plikowi.',
    summary_one: 'Plik wprowadza {{count}} zmianę, wszystkie naraz:',
    summary_few: 'Plik wprowadza {{count}} zmiany, wszystkie naraz:',
    summary_many: 'Plik wprowadza {{count}} zmian, wszystkie naraz:',
    summary_other: 'Plik wprowadza {{count}} zmiany, wszystkie naraz:',
    warningsTitle: 'Zanim zastosujesz',
    warning: {
      idpWithoutActiveRule:
        '{{idp}} zostaje bez aktywnej reguły routingu: nikt nie będzie do niego kierowany.',
      localUsersDeleted_one: 'Usunięcie {{idp}} usuwa jego {{count}} lokalnego użytkownika i jego hasło.',
      localUsersDeleted_few: 'Usunięcie {{idp}} usuwa jego {{count}} lokalnych użytkowników i ich hasła.',
      localUsersDeleted_many: 'Usunięcie {{idp}} usuwa jego {{count}} lokalnych użytkowników i ich hasła.',
      localUsersDeleted_other: 'Usunięcie {{idp}} usuwa jego {{count}} lokalnych użytkowników i ich hasła.',
      idpRemoved: '{{idp}} zostaje usunięty wraz z powiązaniami użytkowników katalogu i wynikami testów.',
    },
    changesLabel: 'Zmiany',
    action: { add: 'Dodano', change: 'Zmieniono', remove: 'Usunięto' },
    section: {
      organization: 'Organizacja',
      domains: 'Domena',
      mfaPolicy: 'Zasady MFA',
      applications: 'Aplikacja',
      directory: 'Katalog',
      idps: 'Dostawca tożsamości',
      routing: 'Reguła routingu',
    },
    special: { defaultRule: 'Reguła domyślna', order: 'Kolejność reguł' },
    field: 'Pole',
    before: 'Teraz',
    after: 'Z pliku',
    apply: 'Zastosuj',
    applied_one: 'Konfiguracja zastosowana: {{count}} zmiana.',
    applied_few: 'Konfiguracja zastosowana: {{count}} zmiany.',
    applied_many: 'Konfiguracja zastosowana: {{count}} zmian.',
    applied_other: 'Konfiguracja zastosowana: {{count}} zmiany.',
  },
};

export const plConfigErrors: Pick<Messages['errors'], 'config'> = {
  config: {
    invalid: 'Plik nie został zastosowany: {{path}} jest błędne.',
    stale: 'Konfiguracja zmieniła się od podglądu; obejrzyj nowy podgląd i zastosuj ponownie.',
  },
};
