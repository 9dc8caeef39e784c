import {
  ActionIcon,
  AppShell,
  Burger,
  Group,
  NavLink,
  ScrollArea,
  Select,
  Text,
  Title,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import {
  IconApps,
  IconBell,
  IconCertificate,
  IconClipboardList,
  IconFingerprint,
  IconKey,
  IconLock,
  IconMoon,
  IconRoute,
  IconShieldLock,
  IconSun,
  IconUsers,
  IconBuildingBank,
  IconArrowsExchange,
  IconWorld,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';
import { AuthenticatorPage } from '../features/authenticator/AuthenticatorPage';
import { ApplicationsPage } from '../features/applications/ApplicationsPage';
import { AttributeMappingPage } from '../features/attribute-mapping/AttributeMappingPage';
import { AuditLogPage } from '../features/audit-log/AuditLogPage';
import { CertificatesPage } from '../features/certificates/CertificatesPage';
import { DirectoryPage } from '../features/directory/DirectoryPage';
import { IdentityProvidersPage } from '../features/identity-providers/IdentityProvidersPage';
import { MfaPolicyPage } from '../features/mfa-policy/MfaPolicyPage';
import { OrganizationPage } from '../features/organization/OrganizationPage';
import { AlertsPage } from '../features/alerts/AlertsPage';
import { AlertNotifier } from '../features/alerts/AlertNotifier';
import { RoutingRulesPage } from '../features/routing-rules/RoutingRulesPage';
import { KeychainBanner, STATUS_KEY, useAppStatus } from './KeychainBanner';
import { call } from '../api/client';
import classes from './Shell.module.css';

type AdminSection =
  | 'organization'
  | 'identityProviders'
  | 'routingRules'
  | 'attributeMapping'
  | 'mfaPolicy'
  | 'applications'
  | 'certificates'
  | 'alerts'
  | 'directory'
  | 'auditLog';
type Page = 'authenticator' | AdminSection;

/** Mantine's `md` breakpoint (62em). */
const NAV_BREAKPOINT_EM = 62;

const ADMIN_SECTIONS: { id: AdminSection; icon: ReactNode }[] = [
  { id: 'organization', icon: <IconWorld size={18} /> },
  { id: 'identityProviders', icon: <IconBuildingBank size={18} /> },
  { id: 'routingRules', icon: <IconRoute size={18} /> },
  { id: 'attributeMapping', icon: <IconArrowsExchange size={18} /> },
  { id: 'mfaPolicy', icon: <IconShieldLock size={18} /> },
  { id: 'applications', icon: <IconApps size={18} /> },
  { id: 'certificates', icon: <IconCertificate size={18} /> },
  { id: 'alerts', icon: <IconBell size={18} /> },
  { id: 'directory', icon: <IconUsers size={18} /> },
  { id: 'auditLog', icon: <IconClipboardList size={18} /> },
];

export function Shell() {
  const { t, i18n } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const [page, setPage] = useState<Page>('authenticator');
  // Below this width (992 px) the sidebar is a drawer behind the burger: at 800 px a fixed sidebar
  // would leave the pages too little room. While closed it is off screen, and out of the tab order.
  const narrow = useMediaQuery(`(max-width: ${NAV_BREAKPOINT_EM - 0.0625}em)`) ?? false;
  const go = (to: Page) => {
    setPage(to);
    close();
  };
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const lockEnabled = useAppStatus().data?.lock?.enabled ?? false;
  const client = useQueryClient();
  const lockNow = async () => {
    // A refusal means it is locked already; either way the status says what to show.
    await call('app:lock:lock', {}).catch(() => undefined);
    await client.invalidateQueries({ queryKey: STATUS_KEY });
  };

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 260, breakpoint: 'md', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <a href="#main" className={classes.skipLink}>
        {t('common.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={t('header.toggleNav')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <IconKey size={22} aria-hidden />
            <Title order={1} size="h4">
              {t('app.title')}
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Select
              aria-label={t('header.language')}
              data={LANGUAGES.map((l) => ({ value: l.value, label: l.label }))}
              value={i18n.resolvedLanguage ?? 'en'}
              onChange={(value) => value && void i18n.changeLanguage(value)}
              allowDeselect={false}
              w={130}
              size="xs"
            />
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('header.theme')}
              onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}
            >
              {scheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
            </ActionIcon>
            {lockEnabled && (
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('lock.lockNow')}
                onClick={() => void lockNow()}
              >
                <IconLock size={18} />
              </ActionIcon>
            )}
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" id="main-navigation" aria-label={t('nav.main')} inert={narrow && !opened}>
        <ScrollArea>
          <NavLink
            component="button"
            label={t('nav.authenticator')}
            leftSection={<IconFingerprint size={18} />}
            active={page === 'authenticator'}
            aria-current={page === 'authenticator' ? 'page' : undefined}
            onClick={() => go('authenticator')}
          />
          <NavLink
            label={t('nav.admin')}
            leftSection={<IconShieldLock size={18} />}
            defaultOpened
            childrenOffset={24}
          >
            {ADMIN_SECTIONS.map((section) => (
              <NavLink
                key={section.id}
                component="button"
                label={t(`nav.${section.id}`)}
                leftSection={section.icon}
                active={page === section.id}
                aria-current={page === section.id ? 'page' : undefined}
                onClick={() => go(section.id)}
              />
            ))}
          </NavLink>
        </ScrollArea>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <KeychainBanner />
        <AlertNotifier />
        <PageContent page={page} />
      </AppShell.Main>
    </AppShell>
  );
}

function PageContent({ page }: { page: Page }) {
  switch (page) {
    case 'authenticator':
      return <AuthenticatorPage />;
    case 'organization':
      return <OrganizationPage />;
    case 'identityProviders':
      return <IdentityProvidersPage />;
    case 'routingRules':
      return <RoutingRulesPage />;
    case 'attributeMapping':
      return <AttributeMappingPage />;
    case 'mfaPolicy':
      return <MfaPolicyPage />;
    case 'applications':
      return <ApplicationsPage />;
    case 'alerts':
      return <AlertsPage />;
    case 'directory':
      return <DirectoryPage />;
    case 'auditLog':
      return <AuditLogPage />;
    case 'certificates':
      return <CertificatesPage />;
  }
}
