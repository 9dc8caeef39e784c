/**
 * The live sign-in's words (English): Test SSO, JIT provisioning and attribute mapping, and the
 * directory. en.ts merges them; sv/fi/pl have their own files.
 */
export const enSignin = {
  test: {
    title: 'Test SSO: {{name}}',
    run: 'Test SSO',
    intro:
      'Sign in at the identity provider with a test account. Tessera runs the real sign-in and checks every step of the answer. An authentication error at the identity provider means the credentials are wrong; an application error means the configuration does not match.',
    open: 'Open the sign-in window',
    copyUrl: 'Copy URL',
    copied: 'URL copied',
    copyHint:
      'To test without a session the browser already has at the identity provider, paste the URL into a private window.',
    waiting:
      'Waiting for the identity provider to answer… (Tessera gives up after {{minutes}} minutes and says why.)',
    goBack: 'Go back',
    close: 'Close',
    activate: 'Activate this identity provider',
    checks: 'Checks',
    status: { pass: 'passed', fail: 'failed', skipped: 'skipped' },
    fix: 'To fix',
    succeeded: 'Test succeeded',
    failed: 'Test failed',
    subject: 'Signed in as {{subject}}.',
    signedInAs: 'Signed in as {{email}}.',
    signedInAsNamed: 'Signed in as {{name}} ({{email}}).',
    subjectId: 'Subject at the identity provider: {{subject}}',
    claims: 'Claims received',
    profile: 'Profile JIT would write',
  },
  jit: {
    title: 'Attribute mapping',
    help: 'Just-in-time provisioning creates and updates users in the directory from what the identity provider sends at each sign-in.',
    idp: 'Identity provider',
    noIdps:
      'Add a SAML or OpenID Connect identity provider first. The built-in identity has no attributes to map.',
    preconditions: 'When JIT runs',
    pre: {
      directorySyncOn:
        'Directory sync (DirSync / Azure AD) is on: JIT neither creates nor updates users. Turn it off under Directory to use JIT.',
      directorySyncOff: 'Directory sync is off, so JIT can create and update users.',
      noClaimed:
        'No domain is claimed, so nobody is provisioned. Verify and claim your domains under Organization.',
      claimed: 'Only users of claimed domains are provisioned: {{domains}}.',
      userIdSaml:
        'The username and primary email come from the SAML attribute “{{attribute}}” (set in the identity provider’s settings). It must carry the email, UPN or eduPersonPrincipalName.',
      userIdOidc: 'The username and primary email come from the “email” claim.',
      notLive: '{{name}} is not in use yet ({{status}}): nobody signs in through it until it is active.',
      blockProfileUpdate:
        'Block user profile update is on: people cannot edit their own attributes, but updates from sign-ins and admin edits still apply.',
    },
    settings: 'Provisioning',
    createUsers: 'Create or activate users',
    createUsersHint:
      'When no active user is found, create one (or activate the existing one), then fill in the attributes.',
    updateUsers: 'Update users with SAML attributes',
    updateUsersOidc: 'Update users with OpenID Connect claims',
    updateUsersHint: 'A known user is updated from the identity provider’s attributes at each sign-in.',
    allowNewEmail: 'Allow sign-in with a different, not-yet-known email (person confirms identity)',
    allowNewEmailHint:
      'When the linked user has another email, the person confirms that it is them; otherwise a new user is created.',
    linkBy: 'Link users by',
    linkByNone: 'Email only',
    linkByHint:
      'An attribute unique per user that finds them even when their email changes. Where email is not a persistent identifier (such as Azure AD), use externalId (e.g. user.objectid). employeeNumber is not a substitute for externalId: numbers get reused.',
    linkByUnmapped: '{{attribute}} is not mapped below, so nobody can be linked by it.',
    mapping: 'Profile attributes',
    mappingHelp:
      'For each profile field, the name of the SAML attribute or OpenID Connect claim that fills it. Leave a field empty to leave it alone.',
    field: 'Field',
    attribute: 'Attribute at the identity provider',
    attributeFor: 'Attribute for {{field}}',
    phoneHint: 'E.164 only: + and at most 15 digits.',
    alternateEmailHint: 'Map one to the user id attribute to let the person sign in with it.',
    groupAttribute: 'Group attribute',
    groupAttributeHint:
      'Its values are group names (groupId or the group’s externalId). Membership only grows: JIT never removes anyone from a group and never deletes users.',
    attributeInvalid: 'An attribute name has 1 to {{max}} characters.',
    saved: 'JIT settings for {{name}} saved.',
    unsaved: 'The preview uses the saved settings: save your changes first.',
    preview: {
      title: 'Mapping preview',
      help: 'What JIT would do with these attributes and the saved settings, compared with the user it would find. Nothing is written.',
      lastTest: 'Preview with the last test',
      paste: 'Paste a SAML assertion, or attributes as JSON ({"name": ["value"]})',
      run: 'Preview',
      notJson: 'This is neither a SAML assertion (XML) nor valid JSON.',
      notObject:
        'Enter a JSON object whose values are lists of strings, such as {"email": ["ada@example.com"], "groups": ["staff"]}.',
    },
    action: {
      create: 'Create user',
      update: 'Update user',
      unchanged: 'No changes',
      none: 'Nothing written',
      'confirm-identity': 'Person must confirm their identity',
    },
    linkedBy: 'Linked by {{attribute}}',
    changes: 'Changes',
    before: 'Before',
    after: 'After',
    groupsAdded: 'Added to groups: {{groups}}',
    rejected: '{{field}}: “{{value}}” was refused: {{problem}}',
  },
  directory: {
    title: 'Directory',
    settings: 'Directory settings',
    directorySync: 'Directory sync (DirSync / Azure AD)',
    directorySyncHint:
      'Users come from directory sync, so JIT provisioning neither creates nor updates them.',
    blockProfileUpdate: 'Block user profile update',
    blockProfileUpdateHint:
      'People cannot edit their own attributes; updates from sign-ins and admin edits still work.',
    licenseTemplate: 'Automatic licence template',
    licenseTemplateHint: 'Licences every new user gets. Empty: new users get none. Press Enter after each.',
    saved: 'Directory settings saved.',
    users: 'Users',
    search: 'Search users',
    searchHint: 'Email, profile attribute or group',
    count_one: '{{count}} user',
    count_other: '{{count}} users',
    empty: 'No users in the directory yet. People are added at their first sign-in.',
    noMatch: 'No users match “{{query}}”.',
    email: 'Email',
    displayName: 'Display name',
    groups: 'Groups',
    mfa: 'MFA',
    lastSignIn: 'Last sign-in',
    never: 'Never',
    inactive: 'Deactivated',
    mfaStatus: {
      enrolled: 'Enrolled',
      notEnrolled: 'Not enrolled',
      lockedUntil: 'Locked until {{time}}',
      lockedUntilReset: 'Locked until MFA is reset',
    },
    optedIn: 'Turned MFA on for themselves',
    resetMfa: 'Reset MFA',
    resetMfaFor: 'Reset MFA for {{email}}',
    resetMfaBody:
      '{{email}} loses their authenticator enrollment (and any lock) and enrolls again at their next sign-in. Do this when they lost their device or got a new phone.',
    resetMfaDone: 'MFA for {{email}} was reset.',
    details: 'Details',
    detailsFor: 'Details of {{email}}',
    profile: 'Profile attributes',
    noProfile: 'No profile attributes.',
    licenses: 'Licences',
    noLicenses: 'No licences.',
    noGroups: 'No groups.',
    close: 'Close',
    created: 'Created by {{source}}, {{date}}',
    updated: 'Last changed {{date}}',
  },
};

/** Reasons the sign-in broker, JIT, the directory and MFA give (errors.<reason>). */
export const enSigninErrors = {
  mfa: {
    alreadyEnrolled: 'MFA is already set up for this user.',
    notEnrolled: 'MFA is not set up for this user.',
    secretMissing:
      'This user’s MFA secret is missing from the keychain; an administrator must reset their MFA.',
    wrongCode:
      'That code is not right ({{failures}} failed in a row). Check that the device’s clock is correct.',
    codeReused: 'That code was already used. Wait for the next code and enter it.',
  },
  signin: {
    notRunning:
      'The sign-in service is not running. Check its port under Organization (another program may be using it), then try again.',
    lockedOut: 'Locked after too many failed attempts in a row. Ask your administrator to reset it.',
    throttled: 'Too many failed attempts. Try again in {{seconds}} s.',
    busy: 'Too many sign-ins are in progress; try again in a few minutes.',
  },
  jit: {
    builtin: 'The built-in identity has no attributes to map.',
    confirm: 'The person has not confirmed their identity yet.',
  },
  directory: {
    userNotFound: 'That user no longer exists.',
    userMissing: 'This person is not in the directory, and JIT may not create them.',
    inactive: 'This user is deactivated in the directory.',
  },
  test: {
    notFound: 'That test no longer exists. Start a new one.',
  },
  preview: {
    notSaml:
      'The pasted text is not a SAML assertion Tessera can read. Paste one whole assertion, or a response with exactly one unencrypted assertion, without a DOCTYPE.',
    noTest: 'There is no successful test of this identity provider yet: run Test SSO, or paste attributes.',
    missingUserId:
      'The attribute that carries the user id is missing, so nobody can be provisioned. Release it to Tessera at the identity provider, or name the attribute it uses in the identity provider’s settings.',
    userIdNotEmail:
      'The user id attribute is not an email address. Use an attribute that carries the email, UPN or eduPersonPrincipalName.',
    emailNotVerified:
      'The identity provider says this email address is not verified (email_verified: false); Tessera does not sign in by an unverified address.',
  },
};
