import { enDiagnosis } from './en-diagnosis';
import { enAdmin, enAdminErrors, enSsoErrors } from './en-admin';
import { enConfig, enConfigErrors } from './en-config';
import { enAlerts, enAlertsErrors } from './en-alerts';
import { enSignin, enSigninErrors } from './en-signin';
import { enCertificates, enCertificatesErrors } from './en-certificates';
import { enApplications } from './en-applications';

export const en = {
  ...enAdmin,
  ...enConfig,
  ...enSignin,
  ...enCertificates,
  ...enApplications,
  ...enAlerts,
  diag: enDiagnosis,
  app: { title: 'Tessera', tagline: 'Sign-in console and authenticator' },
  nav: {
    main: 'Main navigation',
    authenticator: 'Authenticator',
    admin: 'Admin',
    organization: 'Organization',
    identityProviders: 'Identity providers',
    routingRules: 'Routing rules',
    attributeMapping: 'Attribute mapping',
    mfaPolicy: 'MFA policy',
    applications: 'Applications',
    certificates: 'Certificates',
    alerts: 'Alerts',
    directory: 'Directory',
    auditLog: 'Audit log',
  },
  header: {
    toggleNav: 'Toggle navigation',
    theme: 'Switch between light and dark theme',
    language: 'Language',
  },
  lock: {
    title: 'Tessera is locked',
    hint: 'Enter the app lock password to see your codes and settings.',
    password: 'Password',
    unlock: 'Unlock',
    lockNow: 'Lock Tessera',
    settingsTitle: 'App lock',
    settingsHint:
      'Ask for a password when Tessera starts, when you lock it, and after it has not been used for a while. If you forget the password, Tessera cannot show your codes; keep a backup.',
    autoLock: 'Lock after inactivity',
    confirmLonger: 'Current password, to lock later',
    apply: 'Apply',
    never: 'Only when I lock it',
    minutes_one: '{{count}} minute',
    minutes_other: '{{count}} minutes',
    hours_one: '{{count}} hour',
    hours_other: '{{count}} hours',
    currentPassword: 'Current password',
    newPassword: 'New password',
    repeatPassword: 'Repeat the new password',
    tooShort: 'At least {{min}} characters.',
    mismatch: 'The two passwords differ.',
    turnOn: 'Turn on app lock',
    change: 'Change password',
    turnOff: 'Turn off app lock',
    turnedOn: 'App lock is on.',
    turnedOff: 'App lock is off.',
    changed: 'The app lock password was changed.',
  },
  keychain: {
    title: 'The system keychain is not available',
    why: 'Tessera keeps every secret in the system keychain and nowhere else, so accounts cannot be added or shown until it can reach it.',
    retry: 'Try again',
  },
  auth: {
    exportQr: 'Show {{name}} as a QR code',
    edit: 'Edit {{name}}',
    editTitle: 'Edit account',
    save: 'Save',
    moveUp: 'Move {{name}} up',
    moveDown: 'Move {{name}} down',
    title: 'Authenticator',
    add: 'Add account',
    search: 'Search accounts',
    empty: 'No accounts yet. Add one from the setup link or key that a service shows you.',
    noMatch: 'No accounts match “{{search}}”.',
    loading: 'Loading accounts…',
    list: 'Accounts',
    code: 'Code for {{name}}',
    copy: 'Copy code',
    copyNamed: 'Copy code for {{name}}',
    copied: 'Copied',
    copiedToast: 'Code copied. It is cleared from the clipboard in {{seconds}} seconds.',
    settings: 'Settings',
    settingsTitle: 'Authenticator settings',
    clipboardSeconds: 'Clear a copied code after (seconds)',
    clipboardSecondsHint:
      'Between {{min}} and {{max}} seconds; the clipboard is cleared only if it still holds that code.',
    settingsSaved: 'Settings saved.',
    clockOffTitle: 'This computer’s clock is off',
    clockAhead:
      'The clock is {{offset}} ahead of the time server {{server}}. The codes shown here are probably refused.',
    clockBehind:
      'The clock is {{offset}} behind the time server {{server}}. The codes shown here are probably refused.',
    clockFix: 'Turn on automatic date and time in the system settings, then check again.',
    clockRecheck: 'Check again',
    clockLast: 'Last clock check',
    clockOk: 'Checked at {{time}} with {{server}}: the clock is right.',
    clockOff: 'Checked at {{time}} with {{server}}: the clock is off by {{offset}}.',
    clockUnknown: 'Checked at {{time}}: no usable answer from {{server}} ({{detail}}).',
    clockReason: {
      timeout: 'it did not answer within {{seconds}} s',
      'not-found':
        'the name {{host}} could not be found: check its spelling and this computer’s network connection',
      'not-an-answer': 'what it sent was not an answer to our request',
      failed: 'asking it for the time failed ({{problem}})',
      'not-synchronised': 'the server is not synchronised itself',
      refused: 'the server refused to give the time',
      'unusable-time': 'the server sent an unusable time',
    },
    clockMinutes: '{{minutes}} min {{seconds}} s',
    clockHours: '{{hours}} h {{minutes}} min',
    timeServer: 'Time server for the clock check',
    timeServerHint:
      'Tessera compares this computer’s clock with it once an hour. A host name or IPv4 address, with an optional port; leave empty to never check.',
    copyFailed: 'The code could not be copied to the clipboard.',
    nextCode: 'Next code',
    counter: 'Counter {{counter}}',
    secondsLeft: '{{count}} seconds left',
    delete: 'Delete {{name}}',
    deleteTitle: 'Delete this account?',
    deleteBody:
      '{{name}} and its secret are removed from Tessera and the keychain. Before you delete it, make sure you can still sign in: turn off two-step verification at the service, or have another authenticator set up.',
    deleteConfirm: 'Delete account',
    cancel: 'Cancel',
    deleted: '{{name}} was deleted.',
    noSecret: 'Secret missing from keychain',
  },
  add: {
    title: 'Add an account',
    tabUri: 'Paste a setup link',
    tabManual: 'Enter a key',
    uri: 'Setup link',
    uriHint: 'The otpauth:// link behind the QR code, as the service shows it.',
    issuer: 'Issuer',
    issuerHint: 'The service, for example GitHub.',
    accountName: 'Account',
    accountNameHint: 'Usually your user name or email at that service.',
    secret: 'Secret key',
    secretHint: 'The base32 setup key. Spaces and lowercase are fine.',
    type: 'Type',
    typeTotp: 'Time-based (TOTP)',
    typeHotp: 'Counter-based (HOTP)',
    algorithm: 'Algorithm',
    digits: 'Digits',
    period: 'Period (seconds)',
    counter: 'Initial counter',
    advanced: 'Advanced settings',
    submit: 'Add account',
    added: '{{name}} was added.',
  },
  scan: {
    camera: 'Use the camera',
    cameraPreview: 'Camera preview',
    cameraHint: 'Hold the QR code in front of the camera. The camera stops as soon as a code is found.',
    tab: 'Scan a QR code',
    drop: 'Drop an image of a QR code here, or click to choose one',
    dropHint: 'PNG, JPEG, GIF, WebP or BMP. You can also paste an image (Ctrl+V).',
    screen: 'Scan the screen',
    screenHint: 'Show the QR code on your screen, then choose the screen to share.',
    busy: 'Looking for QR codes…',
    noCode: 'No QR code was found. Make sure the whole code is visible and sharp; on screen, zoom in on it.',
    notAuthenticator: 'This QR code is not an authenticator code. It contains:',
    choose: 'Several codes were found. Choose the one to add:',
  },
  migration: {
    title: 'Import from Google Authenticator',
    unnamed: '(no name)',
    missing: 'This export has {{total}} codes. Scan or drop the missing ones too: {{parts}}.',
    more: 'Drop the other export codes here',
    duplicate: 'Already in Tessera',
    import_one: 'Import {{count}} account',
    import_other: 'Import {{count}} accounts',
    importedName_one: '{{count}} account from Google Authenticator',
    importedName_other: '{{count}} accounts from Google Authenticator',
    problem: {
      algorithm: 'Unsupported algorithm (MD5)',
      digits: 'Unsupported number of digits',
      type: 'Unknown code type',
      secret: 'Missing or invalid secret',
      secretTooShort: 'Secret too short (at least {{bits}} bits)',
      steam: 'Steam Guard: Steam’s own codes, not supported',
      text: 'Name with disguising characters',
      counter: 'Invalid counter',
    },
  },
  backup: {
    menu: 'Backup',
    createTitle: 'Create an encrypted backup',
    createBody:
      'All accounts, with their secrets, are written to a file encrypted with this password. Without the password the file cannot be opened — by anyone, including you. Keep the file somewhere safe.',
    password: 'Backup password',
    repeat: 'Repeat the password',
    passwordShort: 'At least {{min}} characters.',
    mismatch: 'The passwords differ.',
    create: 'Create backup',
    created: 'Backup saved as {{fileName}}.',
    restoreTitle: 'Import from a file',
    restoreList: 'Accounts in this file',
    file: 'File',
    open: 'Open file',
    restored_one: '{{count}} account was restored.',
    restored_other: '{{count}} accounts were restored.',
    importBody:
      'A Tessera backup, an export from Aegis or 2FAS (encrypted or not), or a text file with one otpauth:// link per line.',
    importPassword: 'Password (for a Tessera backup or an encrypted export)',
    plainMenu: 'Export as plain links (unencrypted)',
    plainTitle: 'Export as plain links (unencrypted)',
    plainWarning:
      'This file holds the secret of every account, unencrypted: one otpauth:// link per line, readable by anyone and any program that opens it.',
    plainAnyone: 'Anyone who gets the file can make your codes, for good.',
    plainPrefer: 'If you only want a backup, create an encrypted backup instead.',
    plainDelete: 'Use the file only to move your accounts, then delete it (and empty the trash).',
    plainUnderstand: 'I understand that this file is not encrypted',
    plainExport: 'Export unencrypted',
    plainSaved: 'Saved as {{fileName}}, unencrypted. Delete it once you have used it.',
  },
  export: {
    title: 'Move to another authenticator',
    warning:
      'Anyone who sees this QR code can make the codes for {{name}}, for good. Show it only to the phone you are moving the account to, with nobody watching your screen.',
    howTo:
      'Open the authenticator on the other device, choose to add an account by scanning, then show the code here.',
    reveal: 'Show the QR code',
    done: 'Done',
    imageAlt: 'QR code for {{name}}',
  },
  form: {
    required: 'This field is required.',
    tooLong: 'At most {{max}} characters.',
    range: 'Enter a whole number from {{min}} to {{max}}.',
  },
  errors: {
    ...enAdminErrors,
    ...enConfigErrors,
    ...enSsoErrors,
    ...enSigninErrors,
    ...enCertificatesErrors,
    ...enAlertsErrors,
    BAD_REQUEST: 'Tessera refused a malformed request. Nothing was changed.',
    UNKNOWN_CHANNEL: 'Tessera does not know this action.',
    FORBIDDEN: 'This window is not allowed to talk to Tessera.',
    NOT_FOUND: 'That item no longer exists.',
    INVALID_INPUT: 'That input cannot be used.',
    KEYCHAIN_UNAVAILABLE: 'The system keychain is not available, so Tessera will not store or read secrets.',
    INTERNAL: 'Something went wrong inside Tessera. Nothing was changed.',
    LOCKED: 'Tessera is locked. Unlock it first.',
    clock: {
      badServer:
        '“{{value}}” is not a time server. Enter a host name or an IPv4 address, optionally with a port: pool.ntp.org, time.example.com:123 or 192.0.2.123.',
    },
    lock: {
      locked: 'Tessera is locked. Unlock it first.',
      wrongPassword: 'That is not the app lock password.',
      throttled: 'Too many wrong passwords. Try again in {{seconds}} seconds.',
      notEnabled: 'Set an app lock password first.',
      passwordNeeded: 'A longer time before locking needs the app lock password.',
    },
    scan: {
      noCamera: 'No camera was found.',
      cameraDenied: 'Camera access was denied or is not available.',
      tooLarge:
        'The image is {{width}} × {{height}} pixels; Tessera reads images of up to {{maxSide}} pixels a side and {{maxMegapixels}} megapixels. Crop it to the QR code.',
      fileTooLarge: 'The file is larger than {{maxMegabytes}} MB.',
      notImage: 'This file is not an image Tessera can read (PNG, JPEG, GIF, WebP or BMP).',
      damaged: 'The image is damaged and cannot be read.',
      timeout: 'Reading the image took too long and was stopped. Try a crop of the code.',
      screenDenied: 'Screen capture was cancelled or is not allowed.',
    },
    migration: {
      tooLong:
        'This export code holds more data than a QR code can; it is not a genuine Google Authenticator export.',
      malformed: 'The export code is not well formed. Scan it again.',
      damaged: 'The export code is damaged or cut short. Scan it again.',
      empty: 'This export code contains no accounts.',
      tooMany: 'This export code claims {{count}} accounts; no genuine export code holds more than {{max}}.',
      mixedBatches: 'These codes come from different exports. Scan the codes of one export at a time.',
      expired: 'This import has expired. Scan the export code again.',
      badChoice: 'One of the chosen accounts cannot be imported.',
    },
    backup: {
      tooLarge: 'This file is too large to be a Tessera backup.',
      format: 'This file is not a Tessera backup, or it is damaged or from a version Tessera cannot read.',
      decrypt: 'The password is wrong, or the backup file has been changed or damaged.',
    },
    export: {
      empty: 'There are no accounts to export.',
    },
    import: {
      tooLarge: 'This file is too large to import.',
      unknown:
        'This file is not one Tessera can import: a Tessera backup, an Aegis or 2FAS export, or a list of otpauth:// links.',
      passwordNeeded: 'This Tessera backup is encrypted: enter its password.',
      exportPasswordNeeded: 'This {{app}} export is encrypted: enter the password it was exported with.',
      wrongPassword: 'The password is wrong: it does not open this {{app}} export.',
      damaged:
        'The password is right, but this {{app}} export has been changed or damaged: its accounts cannot be decrypted.',
      malformed:
        'This {{app}} export is encrypted, but it is damaged, cut short or from a version Tessera cannot read.',
      kdfLimits:
        'This {{app}} export asks for far more key-derivation memory or time than {{app}} itself uses; Tessera refuses it rather than spend gigabytes or minutes on it.',
    },
    session: {
      noToken:
        'This page was opened without its session token. Open the address Tessera printed when it started.',
      expired:
        'This page belongs to an earlier Tessera session. Open the address Tessera printed when it started.',
      unreachable: 'Tessera is not reachable. Is it still running?',
    },
    keychain: {
      noBus: 'No desktop session bus is running, so there is no keychain to talk to.',
      noService: 'No Secret Service (such as GNOME Keyring, KWallet or KeePassXC) is running.',
      noCollection: 'The keyring has no default collection yet: it was never created or unlocked.',
      locked: 'The keyring is locked. Unlock it (log in to the desktop session) and try again.',
      noDbusSend: 'dbus-send is not installed, so the keychain cannot be checked. Install the dbus package.',
      noAnswer: 'The Secret Service did not answer.',
      failed: 'The keychain refused the operation: {{detail}}',
      databaseKeyMissing:
        "The key to this data folder's database is not in this keychain. Was the keychain reset, or is this another user's folder?",
      noPassword:
        'No desktop keyring is running, and Tessera cannot start its own without a password: set TESSERA_KEYRING_PASSWORD, or start Tessera in a terminal to be asked for one.',
      noPrivateBus:
        'No desktop keyring is running, and Tessera could not start a private D-Bus session for its own. Install the dbus package.',
      keyringDidNotStart: "Tessera's own keyring did not start. Install gnome-keyring.",
      wrongPassword:
        "Tessera's own keyring did not unlock: the password is not the one this data folder's keyring was created with.",
      storeFailed: 'Tessera could not open its data folder: {{detail}}',
      dataFolderInUse:
        'This data folder is already open in another Tessera window or process. Close that one, then try again.',
    },
    account: {
      reorderStale: 'The list of accounts changed meanwhile; the order was not saved. Try again.',
      notFound: 'That account no longer exists.',
      notHotp: 'Only counter-based (HOTP) accounts have a next code.',
      counterMax: 'The counter cannot go higher.',
      secretMissing: 'This account has no secret in the keychain.',
    },
    otpauth: {
      steam:
        'This is a Steam Guard account. Steam uses its own 5-character codes, which Tessera does not generate (its codes would be wrong); keep Steam Guard in the Steam app.',
      control:
        'The link contains line breaks, tabs or other invisible characters; copy it again as one line.',
      whitespace:
        'The link contains an unusual space character (such as a non-breaking space); retype the spaces or copy the link again.',
      tooLong: 'The link is longer than {{max}} characters; it is not a setup link.',
      scheme: 'This is not an authenticator setup link: it must start with otpauth://.',
      malformed: 'The link is not a well-formed otpauth:// link. Copy it again exactly.',
      type: '“{{value}}” is not a code type Tessera knows; expected totp or hotp.',
      duplicate: 'The parameter “{{name}}” appears more than once, so the link is ambiguous.',
      issuerMismatch:
        'The label names the issuer “{{label}}” but the issuer parameter says “{{param}}”. A genuine setup link names one issuer; ask the service for a new one.',
      issuerUnsafe:
        'The issuer contains control or text-direction characters that could disguise it. Remove them.',
      accountNameUnsafe:
        'The account name contains control or text-direction characters that could disguise it. Remove them.',
      issuerTooLong: 'The issuer is longer than {{max}} characters.',
      accountNameTooLong: 'The account name is longer than {{max}} characters.',
      label: 'The link names neither an account nor an issuer; add one so you can tell codes apart.',
      algorithm: 'The algorithm “{{value}}” is not supported; use SHA1, SHA256 or SHA512.',
      digits: 'Codes must have {{min}} to {{max}} digits; the link asks for “{{value}}”.',
      period: 'A code must last between {{min}} and {{max}} seconds; the link asks for “{{value}}”.',
      counter: 'The counter must be a whole number, 0 or more.',
      secret: {
        missing: 'The link has no secret, so it cannot produce codes.',
        empty: 'The secret is empty. Copy the whole setup key from the service.',
        characters:
          'The secret is not valid base32: only A–Z and 2–7 may appear (spaces are fine). Check for a mistyped 0, 1 or 8.',
        length:
          'The secret has a length no base32 text can have; part of it is probably missing. Copy it again.',
        tooShort:
          'The secret is too short: it has {{have}} bits, and at least {{bits}} ({{chars}} base32 characters) are needed. Check that you copied all of it.',
        tooLong: 'The secret is longer than any real service uses. Check that you copied only the setup key.',
      },
    },
  },
};

/** Every language must have every key of English (checked by the compiler through this type). */
/** Languages may add the plural forms English lacks (Polish: _few, _many), and nothing else. */
type ExtraPlurals = { [key: `${string}_${'zero' | 'two' | 'few' | 'many'}`]: string };
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> } & ExtraPlurals;
export type Messages = DeepStrings<typeof en>;
