/**
 * The Certificates page's channels (C1, C2), composed into the one handler table by app-core.
 */
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import type { HandlerTable } from '../gate';
import type { BrokerService } from '../broker/broker-service';
import type { SsoConfigService } from '../sso/sso-config-service';
import { IdpRenewalService } from './idp-renewal';
import { listCertificates } from './inventory';
import type { Db } from '../store/database';

type CertificateChannel =
  | 'sso:certificate:list'
  | 'sso:sp-rollover:start'
  | 'sso:sp-rollover:switch'
  | 'sso:sp-rollover:finish'
  | 'sso:sp-rollover:cancel'
  | 'sso:sp-rollover:download'
  | 'sso:idp-renewal:preview'
  | 'sso:idp-renewal:test'
  | 'sso:idp-renewal:save';

export interface CertificateDeps {
  ready(): Promise<{ sso: SsoConfigService; broker: BrokerService; db: Db }>;
  /** The sign-in service's port, or the reason it is not running. */
  signin(): { port: number } | { problem: string };
  now(): number;
}

export function certificateHandlers(deps: CertificateDeps): Pick<HandlerTable, CertificateChannel> {
  const renewal = async () => {
    const { sso } = await deps.ready();
    return new IdpRenewalService(sso, deps.now);
  };
  return {
    'sso:certificate:list': async () => {
      const { sso, db } = await deps.ready();
      return {
        now: deps.now(),
        certificates: listCertificates(db),
        rollover: sso.sp.rollover(),
        samlIdps: sso
          .listIdps()
          .filter((idp) => idp.kind === 'saml')
          .map((idp) => ({ id: idp.id, name: idp.name })),
      };
    },
    'sso:sp-rollover:start': async (input) => (await deps.ready()).sso.sp.startRollover(input),
    'sso:sp-rollover:switch': async () => (await deps.ready()).sso.sp.switchSigning(),
    'sso:sp-rollover:finish': async () => {
      await (await deps.ready()).sso.sp.finishRollover();
      return {};
    },
    'sso:sp-rollover:cancel': async () => {
      await (await deps.ready()).sso.sp.cancelRollover();
      return {};
    },
    'sso:sp-rollover:download': async ({ what, which, signed }) => {
      const { sp } = (await deps.ready()).sso;
      if (what === 'certificate') return sp.certificateFile(which);
      const { fileName, xml } = await sp.metadata(signed, which);
      return { fileName, content: xml };
    },
    'sso:idp-renewal:preview': async ({ idpId, source }) => (await renewal()).preview(idpId, source),
    'sso:idp-renewal:test': async ({ idpId, xml }) => {
      const { broker } = await deps.ready();
      const signin = deps.signin();
      if ('problem' in signin) throw new AppError(ErrorCode.Internal, signin.problem, 'signin.notRunning');
      const peer = await (await renewal()).candidatePeer(idpId, xml);
      return broker.startTest(idpId, signin.port, peer);
    },
    'sso:idp-renewal:save': async ({ idpId, xml, acknowledgeLessSecure }) =>
      (await renewal()).save(idpId, xml, acknowledgeLessSecure),
  };
}
