import { useTranslation } from 'react-i18next';
import { RiskBadge } from './badges';
import { useSay, type Assessment } from './transparency-types';

/** A risk class with its reasons and the obligations checklist, under a heading of the given level. */
export function AssessmentView({ assessment, headingLevel = 3 }: { assessment: Assessment; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const say = useSay();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div>
      <p>
        {t('transparency.assessment.class')}: <RiskBadge riskClass={assessment.riskClass} />
      </p>
      {assessment.highRiskBasis.length > 0 ? <p>{t('transparency.assessment.highRiskBasis', { basis: assessment.highRiskBasis.join(', ') })}</p> : null}
      {assessment.blockReasons && assessment.blockReasons.length > 0 ? (
        <div className="notice notice-error" role="note">
          <p>
            <strong>{t('transparency.assessment.blocked')}</strong>
          </p>
          <ul>
            {assessment.blockReasons.map((reason) => (
              <li key={reason.code + reason.article}>
                <span className="tp-article">{reason.article}</span>: {say(reason.text)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Heading>{t('transparency.assessment.reasons')}</Heading>
      <ul className="tp-reasons">
        {assessment.reasons.map((reason, index) => (
          <li key={index}>
            <span className="tp-article">{reason.article}</span>: {say(reason.text)}
          </li>
        ))}
      </ul>
      <Heading>{t('transparency.assessment.obligations')}</Heading>
      {assessment.obligations.length === 0 ? (
        <p>{t('transparency.assessment.noObligations')}</p>
      ) : (
        <ul className="tp-obligations">
          {assessment.obligations.map((obligation) => (
            <li key={obligation.id}>
              <span className="tp-article">{obligation.article}</span> ({t(`transparency.addressee.${obligation.addressee}`)}): {say(obligation.text)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
