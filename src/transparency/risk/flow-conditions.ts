import { all, any, is, not } from './conditions.js';
import { art5ExceptionFindings, prohibitedFindings } from './findings.js';

// Named conditions shared by the question data (skip logic) and by classify(), so both read the answers alike.

export const isAiSystem = is('ai-system', 'yes');

export const prohibitedPractice = any(...prohibitedFindings.map((finding) => finding.when));

/** High-risk and transparency questions only matter for an AI system that is not prohibited anyway. */
export const assessSystem = all(isAiSystem, not(prohibitedPractice));

/** Annex III uses that follow from an Art. 5 exception: the practice is allowed, but high-risk. */
export const annexIIIByArt5Exception = any(
  ...art5ExceptionFindings.filter((finding) => finding.annexIII).map((finding) => finding.when),
);

export const annexIIIPoint = any(
  is('annex-iii-biometrics', '1a', '1b', '1c'),
  is('annex-iii-critical-infrastructure', '2'),
  is('annex-iii-education', '3a', '3b', '3c', '3d'),
  is('annex-iii-employment', '4a', '4b-decisions', '4b-monitoring'),
  is('annex-iii-essential-services', '5a', '5b', '5c', '5d'),
  is('annex-iii-law-enforcement', '6a', '6b', '6c', '6d', '6e'),
  is('annex-iii-migration', '7a', '7b', '7c', '7d'),
  is('annex-iii-justice-democracy', '8a'),
  is('annex-iii-8b-voter-exposure', 'voters-exposed'),
  annexIIIByArt5Exception,
);

export const annexIHighRisk = is('annex-i-third-party-assessment', 'yes');

export const art6Derogation = all(
  is('art6-3-profiling', 'no'),
  is(
    'art6-3-conditions',
    'narrow-procedural-task',
    'improves-human-result',
    'detects-patterns',
    'preparatory-task',
  ),
);

export const highRisk = any(annexIHighRisk, all(annexIIIPoint, not(art6Derogation)));

export const isProvider = is('role', 'provider', 'provider-and-deployer');
export const isDeployer = is('role', 'deployer', 'provider-and-deployer');

/** Annex III 1(b)/(c) systems are emotion recognition or biometric categorisation by definition. */
export const emotionOrBiometricImplied = any(
  is('annex-iii-biometrics', '1b', '1c'),
  is('art5-emotion-workplace-exception', 'yes'),
);
