export const en = {
  app: { title: 'Tessera', tagline: 'Sign-in console and authenticator' },
  nav: {
    main: 'Main navigation',
    authenticator: 'Authenticator',
    admin: 'Admin',
    identityProviders: 'Identity providers',
    routingRules: 'Routing rules',
    attributeMapping: 'Attribute mapping',
    mfaPolicy: 'MFA policy',
    certificates: 'Certificates',
    directory: 'Directory',
    auditLog: 'Audit log',
  },
  admin: {
    coming: 'Coming soon',
    comingBody: '{{section}} is being built. The authenticator already works.',
  },
  header: {
    toggleNav: 'Toggle navigation',
    theme: 'Switch between light and dark theme',
    language: 'Language',
  },
  keychain: {
    title: 'The system keychain is not available',
    why: 'Tessera keeps every secret in the system keychain and nowhere else, so accounts cannot be added or shown until it can reach it.',
    retry: 'Try again',
  },
  auth: {
    title: 'Authenticator',
    add: 'Add account',
    search: 'Search accounts',
    empty: 'No accounts yet. Add one from the setup link or key that a service shows you.',
    noMatch: 'No accounts match “{{search}}”.',
    loading: 'Loading accounts…',
    list: 'Accounts',
    code: 'Code for {{name}}',
    copy: 'Copy code',
    copied: 'Copied',
    copiedToast: 'Code copied. It is cleared from the clipboard in {{seconds}} seconds.',
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
  form: {
    required: 'This field is required.',
    tooLong: 'At most {{max}} characters.',
    range: 'Enter a whole number from {{min}} to {{max}}.',
  },
  errors: {
    BAD_REQUEST: 'Tessera refused a malformed request. Nothing was changed.',
    UNKNOWN_CHANNEL: 'Tessera does not know this action.',
    FORBIDDEN: 'This window is not allowed to talk to Tessera.',
    NOT_FOUND: 'That item no longer exists.',
    INVALID_INPUT: 'That input cannot be used.',
    KEYCHAIN_UNAVAILABLE: 'The system keychain is not available, so Tessera will not store or read secrets.',
    INTERNAL: 'Something went wrong inside Tessera. Nothing was changed.',
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
      notFound: 'That account no longer exists.',
      notHotp: 'Only counter-based (HOTP) accounts have a next code.',
      counterMax: 'The counter cannot go higher.',
      secretMissing: 'This account has no secret in the keychain.',
    },
    otpauth: {
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
        tooShort: 'The secret is shorter than {{bits}} bits. Check that you copied all of it.',
        tooLong: 'The secret is longer than any real service uses. Check that you copied only the setup key.',
      },
    },
  },
};

/** Every language must have every key of English (checked by the compiler through this type). */
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
export type Messages = DeepStrings<typeof en>;
