/** Configuration as code (English); en.ts merges it, sv/fi/pl have their own files. */
export const enConfig = {
  config: {
    title: 'Configuration as code',
    help: 'The whole organization configuration — settings, domains, identity providers with their attribute mapping, routing rules, MFA policy, applications and directory settings — as one YAML file without secrets. Keep it under version control; importing a file shows every change before anything is applied.',
    export: 'Export (.yaml)',
    import: 'Import…',
    previewTitle: 'Changes from {{file}}',
    invalid: '{{file}} was not applied. Fix these places in the file:',
    noChanges: 'Nothing to change: the configuration already matches the file.',
    summary_one: 'Applying the file makes {{count}} change, all at once:',
    summary_other: 'Applying the file makes {{count}} changes, all at once:',
    warningsTitle: 'Before you apply',
    warning: {
      idpWithoutActiveRule: '{{idp}} is left without an active routing rule: nobody is sent to it.',
      localUsersDeleted_one: 'Removing {{idp}} deletes its {{count}} local user and their password.',
      localUsersDeleted_other: 'Removing {{idp}} deletes its {{count}} local users and their passwords.',
      idpRemoved: '{{idp}} is removed, with the links of directory users to it and its test results.',
    },
    changesLabel: 'Changes',
    action: { add: 'Added', change: 'Changed', remove: 'Removed' },
    section: {
      organization: 'Organization',
      domains: 'Domain',
      mfaPolicy: 'MFA policy',
      applications: 'Application',
      directory: 'Directory',
      idps: 'Identity provider',
      routing: 'Routing rule',
    },
    special: { defaultRule: 'Default rule', order: 'Order of the rules' },
    field: 'Field',
    before: 'Now',
    after: 'From the file',
    apply: 'Apply',
    applied_one: 'Configuration applied: {{count}} change.',
    applied_other: 'Configuration applied: {{count}} changes.',
  },
};

/** Reasons the configuration import gives (errors.config.*). */
export const enConfigErrors = {
  config: {
    invalid: 'The file was not applied: {{path}} is wrong.',
    stale: 'The configuration changed since the preview; look at the new preview and apply again.',
  },
};
