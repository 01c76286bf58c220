/**
 * Red flags and care thresholds. Each entry is one triage rule: the level it leads to, what the runner is
 * told, and why (guideline wording and any cautious-wins decision). The predicates that read the answers
 * live in `triage/rules.ts` under the same ids; every number they use is in `params` here.
 */
import type { RedFlagInput } from '../schema.js';

const A00 = 'a00-upper-back-after-running';
const A03 = 'a03-back-pain-after-running';
const A04 = 'a04-five-reasons';

const CALL_EMERGENCY =
  'Call your local emergency number now (999 in the UK, 112 in Europe, 911 in the US). Stop running, do not drive yourself.';
const SAME_DAY =
  'Get seen by a doctor today: your GP (same-day appointment), an urgent care centre, or call NHS 111 (or your local equivalent).';
const BOOK =
  'Book an appointment with a physical therapist or doctor within the next week or two, and use the gentle self-care below meanwhile.';

export const redFlags: RedFlagInput[] = [
  // ── Emergency ──────────────────────────────────────────────────────────────────────────────
  {
    id: 'cardiac-warning',
    name: 'Heart attack warning signs',
    level: 'emergency',
    reason:
      'Back pain together with chest pain or pressure, pain spreading to the chest or jaw, or with sweating, nausea or breathlessness can be a heart problem, even without chest pain.',
    action: CALL_EMERGENCY,
    rationale:
      'NICE CG95: emergency if the pain is present now or was in the last 12 h; same-day assessment if the last episode was 12–72 h ago. NHS: some people have back or jaw pain without chest pain. Sheffield NHS: chest pain with back pain is 999. An unknown time counts as now (cautious). Episodes more than 72 h ago still need a clinician.',
    params: { emergencyWithinHours: 12, urgentWithinHours: 72 },
    sources: ['nice-cg95-chest-pain', 'nhs-heart-attack', 'sheffield-nhs-back'],
  },
  {
    id: 'aortic-dissection',
    name: 'Sudden tearing chest or upper-back pain',
    level: 'emergency',
    reason: 'Sudden, severe, tearing or ripping pain in the chest or upper back needs emergency care.',
    action: CALL_EMERGENCY,
    rationale: 'HSE/NHS aortic dissection symptoms: "call 112 or 999 immediately".',
    sources: ['hse-aortic-dissection'],
  },
  {
    id: 'collapse',
    name: 'Fainting or collapse',
    level: 'emergency',
    reason: 'Fainting or collapsing with this pain needs emergency care.',
    action: CALL_EMERGENCY,
    rationale: 'Aortic dissection (fainting) and severe pulmonary embolism (collapse) are 999 emergencies.',
    sources: ['hse-aortic-dissection', 'nhs-pulmonary-embolism'],
  },
  {
    id: 'sudden-breathlessness',
    name: 'Sudden breathlessness or one-sided chest pain with breathlessness',
    level: 'emergency',
    reason:
      'Sudden breathlessness, or sharp one-sided chest pain with breathlessness, can be a lung problem that needs emergency care.',
    action: CALL_EMERGENCY,
    rationale:
      'Pneumothorax: A&E for sudden chest pain with breathlessness (secondary pages, marked for confirmation). Severe PE is a 999 emergency.',
    sources: ['pneumothorax-secondary', 'nhs-pulmonary-embolism'],
  },
  {
    id: 'ces-bladder',
    name: 'Bladder changes (cauda equina warning sign)',
    level: 'emergency',
    reason:
      'New difficulty passing urine, a weaker flow or loss of bladder control with back pain is an emergency.',
    action: `${CALL_EMERGENCY} Say you have back pain with bladder changes.`,
    rationale:
      'Cauda equina syndrome: Cornwall NHS "refer to Emergency Department"; CKS "usually warrant immediate admission"; BASS 2018 includes new difficulty starting urination.',
    sources: ['cornwall-nhs-lbp', 'nice-cks-red-flags', 'bass-2018-ces', 'sheffield-nhs-back'],
  },
  {
    id: 'ces-bowel',
    name: 'Loss of bowel control (cauda equina warning sign)',
    level: 'emergency',
    reason: 'Loss of bowel control with back pain is an emergency.',
    action: CALL_EMERGENCY,
    rationale: 'Cauda equina syndrome red flag (NICE CKS list; Cornwall NHS: emergency department).',
    sources: ['cornwall-nhs-lbp', 'nice-cks-red-flags', 'glos-nhs-pathway'],
  },
  {
    id: 'ces-saddle',
    name: 'Saddle numbness (cauda equina warning sign)',
    level: 'emergency',
    reason: 'Numbness around the genitals, bottom or inner thighs with back pain is an emergency.',
    action: CALL_EMERGENCY,
    rationale: 'Saddle anaesthesia is a cauda equina red flag; CKS says it must be asked about directly.',
    sources: ['nice-cks-red-flags', 'glos-nhs-pathway', 'sheffield-nhs-back'],
  },
  {
    id: 'ces-sexual',
    name: 'New sexual dysfunction (cauda equina warning sign)',
    level: 'emergency',
    reason: 'New loss of sexual function or genital sensation with back pain is an emergency.',
    action: CALL_EMERGENCY,
    rationale: 'BASS 2018 and Sheffield NHS list new sexual dysfunction under cauda equina: 999 or A&E.',
    sources: ['bass-2018-ces', 'sheffield-nhs-back'],
  },
  {
    id: 'ces-both-legs',
    name: 'Symptoms in both legs',
    level: 'emergency',
    reason: 'Pain, tingling, numbness or weakness in both legs with back pain is an emergency.',
    action: CALL_EMERGENCY,
    rationale: 'Bilateral sciatica is a cauda equina red flag (BASS 2018); Sheffield NHS: 999 or A&E.',
    sources: ['bass-2018-ces', 'sheffield-nhs-back'],
  },
  {
    id: 'neck-vascular',
    name: 'Neck pain with stroke-like signs',
    level: 'emergency',
    reason:
      'Neck pain with double vision, dizziness, drop attacks, slurred speech or a sudden severe headache needs emergency care.',
    action: CALL_EMERGENCY,
    rationale: 'AAFP 2020: vascular causes (artery dissection) need urgent imaging; treated as an emergency.',
    sources: ['aafp-neck-2020'],
  },
  {
    id: 'meningism',
    name: 'Fever with a stiff neck',
    level: 'emergency',
    reason: 'A fever with a stiff neck or a dislike of bright light needs emergency care.',
    action: CALL_EMERGENCY,
    rationale:
      'AAFP 2020 neck red flags: infection or meningitis, emergency or same day (cautious: emergency).',
    sources: ['aafp-neck-2020'],
  },
  {
    id: 'major-trauma',
    name: 'Pain after a serious accident',
    level: 'emergency',
    reason:
      'Back or neck pain after a serious accident such as a car crash or a fall from height needs emergency care.',
    action: `${CALL_EMERGENCY} Keep still until help arrives if the neck hurts.`,
    rationale: 'Sheffield NHS and nhs.uk: 999 or A&E after a serious accident; Canadian C-spine rule.',
    sources: ['sheffield-nhs-back', 'nhs-back-pain-urgent', 'canadian-c-spine'],
  },
  {
    id: 'cancer-neurological',
    name: 'Cancer history with nerve symptoms',
    level: 'emergency',
    reason:
      'With a history of cancer, back pain with weakness, numbness, difficulty walking, pain down a limb or bladder or bowel changes needs emergency care.',
    action: CALL_EMERGENCY,
    rationale:
      'NICE CG75/NG234: in people with cancer, spinal pain with neurological symptoms is an oncological emergency ("immediately").',
    sources: ['nice-cg75-mscc'],
  },
  // ── Urgent (same day) ────────────────────────────────────────────────────────────────────
  {
    id: 'cardiac-recent',
    name: 'Heart warning signs 12 to 72 hours ago',
    level: 'urgent',
    reason: 'Chest, arm or jaw symptoms with the back pain 12 to 72 hours ago need a same-day check.',
    action: `${SAME_DAY} If the symptoms come back, call your emergency number.`,
    rationale: 'NICE CG95: urgent same-day assessment if the last episode was 12–72 h ago.',
    params: { fromHours: 12, toHours: 72 },
    sources: ['nice-cg95-chest-pain'],
  },
  {
    id: 'pulmonary-embolism-signs',
    name: 'Coughing blood or a swollen calf',
    level: 'urgent',
    reason:
      'Coughing up blood, or a painful swollen calf, with chest or upper-back pain needs a same-day check.',
    action: `${SAME_DAY} Call your emergency number if you become very breathless or collapse.`,
    rationale: 'NHS pulmonary embolism: urgent GP or 111 for a combination of symptoms; 999 if severe.',
    sources: ['nhs-pulmonary-embolism'],
  },
  {
    id: 'progressive-neuro',
    name: 'Weakness or numbness that is spreading or worsening',
    level: 'urgent',
    reason:
      'Weakness or numbness in an arm or leg that is spreading or getting worse needs a same-day check.',
    action: SAME_DAY,
    rationale:
      'Regional NHS pathway: new or progressive neurological deficit is urgent same day; CHCP: sudden significant weakness in arms or legs, contact a GP or 111 immediately.',
    sources: ['slideplayer-nhs-pathway', 'chcp-nhs-msk'],
  },
  {
    id: 'sudden-limb-weakness',
    name: 'Sudden weakness in the arms or legs',
    level: 'urgent',
    reason: 'Sudden, significant weakness in the arms or legs needs a same-day check.',
    action: SAME_DAY,
    rationale: 'CHCP NHS MSK: "contact a GP or NHS 111 immediately".',
    sources: ['chcp-nhs-msk'],
  },
  {
    id: 'myelopathy-signs',
    name: 'Clumsy hands, unsteady walking or electric shocks down the spine',
    level: 'urgent',
    reason:
      'New clumsy hands, unsteady walking or electric-shock feelings down the spine when bending the neck need a same-day check.',
    action: SAME_DAY,
    rationale: 'Cervical myelopathy: "refer urgently" (GPonline; AAFP 2020).',
    sources: ['gponline-neck', 'aafp-neck-2020'],
  },
  {
    id: 'severe-arm-nerve-pain',
    name: 'Severe arm pain with tingling or numbness',
    level: 'urgent',
    reason: 'Severe pain down the arm with tingling or numbness needs a same-day check.',
    action: SAME_DAY,
    rationale: 'CHCP NHS MSK: severe arm pain with tingling or numbness, contact a GP or 111 immediately.',
    params: { severePain: 7 },
    sources: ['chcp-nhs-msk'],
  },
  {
    id: 'fever',
    name: 'Back pain with a fever',
    level: 'urgent',
    reason: 'Back pain with a high temperature, chills or shivering needs a same-day check.',
    action: SAME_DAY,
    rationale:
      'Spinal infection: urgent same day (regional pathway); Sheffield NHS: urgent GP appointment or 111; CHCP: fever of 38 °C or more, contact a GP or 111 immediately.',
    sources: ['slideplayer-nhs-pathway', 'sheffield-nhs-back', 'chcp-nhs-msk'],
  },
  {
    id: 'cancer-spinal-pain',
    name: 'Cancer history with upper-back, neck or worsening pain',
    level: 'urgent',
    reason:
      'With a history of cancer, pain in the neck or upper or mid back, or lower-back pain that is worsening, severe, at night or worse on coughing, needs contact with your cancer team or a doctor within 24 hours.',
    action:
      'Contact your cancer team (acute oncology or MSCC line) or a doctor today, within 24 hours. Call your emergency number if weakness, numbness or bladder or bowel changes appear.',
    rationale:
      'NICE CG75/NG234: in people with cancer, thoracic or cervical spinal pain, progressive lumbar pain, severe unremitting pain, pain worse on straining, or night pain: contact the MSCC coordinator urgently, within 24 hours.',
    params: { severePain: 8 },
    sources: ['nice-cg75-mscc'],
  },
  {
    id: 'weight-loss',
    name: 'Unexplained weight loss',
    level: 'urgent',
    reason: 'Back pain with weight loss you cannot explain needs a prompt check by a doctor.',
    action: SAME_DAY,
    rationale:
      'nhs.uk lists unintentional weight loss with back pain under "contact a GP or NHS 111 immediately" (the cautious reading, over a cancer-pathway referral within days).',
    sources: ['nhs-back-pain-urgent', 'glos-nhs-pathway'],
  },
  {
    id: 'night-pain',
    name: 'Night pain that stops sleep',
    level: 'urgent',
    reason:
      'Pain so bad at night that it stops you sleeping, and that changing position does not ease, needs a prompt check.',
    action: SAME_DAY,
    rationale:
      'nhs.uk: pain so bad you are having problems sleeping, contact a GP or 111 immediately; CKS/NICE list night pain not eased by changing position as a cancer red flag.',
    sources: ['nhs-back-pain-urgent', 'glos-nhs-pathway'],
  },
  {
    id: 'cough-sneeze',
    name: 'Pain worse on coughing, sneezing or straining',
    level: 'urgent',
    reason:
      'Back pain made worse by coughing, sneezing or straining on the toilet should be checked by a doctor today.',
    action: SAME_DAY,
    rationale:
      'nhs.uk puts pain made worse by sneezing, coughing or pooing on its "contact a GP or NHS 111 immediately" list; the cautious reading applies.',
    sources: ['nhs-back-pain-urgent'],
  },
  {
    id: 'deformity',
    name: 'Swelling or a change in the shape of the back',
    level: 'urgent',
    reason: 'New swelling or a change in the shape of the back needs a prompt check.',
    action: SAME_DAY,
    rationale: 'nhs.uk: swelling or deformity of the back, contact a GP or 111 immediately.',
    sources: ['nhs-back-pain-urgent', 'physiopedia-thoracic'],
  },
  {
    id: 'fragility-fracture',
    name: 'Osteoporosis or long-term steroids with a fall or strain',
    level: 'urgent',
    reason:
      'With osteoporosis or long-term steroid tablets, back pain that began after a fall, a knock or a lift needs a prompt check for a fracture.',
    action: SAME_DAY,
    rationale:
      'Vertebral fracture red flag (minor trauma or strenuous lifting with osteoporosis or corticosteroids). Pathways give a prompt GP X-ray; raised to same day because under-triage is the worse error.',
    sources: ['glos-nhs-pathway', 'physiopedia-thoracic', 'slideplayer-nhs-pathway'],
  },
  {
    id: 'thoracic-non-mechanical',
    name: 'Upper or mid-back pain that rest does not ease',
    level: 'urgent',
    reason:
      'Pain between or under the shoulder blades or in the mid back that is constant and not eased by rest or changing position needs a same-day check.',
    action: SAME_DAY,
    rationale:
      'nhs.uk lists pain from the top of the back, between the shoulders, under "contact a GP or 111 immediately"; Physiopedia: thoracic pain is more often serious, especially non-mechanical pain. Backstride applies the NHS line where the thoracic pain is non-mechanical (not eased by rest or position), constant and worsening, or comes with a risk factor (age over 50 at onset, cancer, steroids); mechanical pain tied to running posture, the subject of the source articles, stays at the lower levels with the safety net.',
    sources: ['nhs-back-pain-urgent', 'physiopedia-thoracic'],
  },
  {
    id: 'thoracic-older-onset',
    name: 'New upper or mid-back pain after 50',
    level: 'urgent',
    reason:
      'New pain between the shoulder blades or in the mid back that began after the age of 50 should be checked by a doctor today.',
    action: SAME_DAY,
    rationale:
      'Physiopedia thoracic red flags: new back pain over 50; thoracic pain is more likely to have a serious cause; nhs.uk upper-back line. See thoracic-non-mechanical for the reading.',
    params: { age: 50, newWithinDays: 42 },
    sources: ['physiopedia-thoracic', 'nhs-back-pain-urgent'],
  },
  {
    id: 'constant-progressive',
    name: 'Constant pain that keeps getting worse',
    level: 'urgent',
    reason: 'Pain that is constant and keeps getting worse whatever you do needs a same-day check.',
    action: SAME_DAY,
    rationale:
      'Physiopedia: constant, severe, progressive, non-mechanical pain is a red flag; nhs.uk: very severe or getting worse, get help.',
    sources: ['physiopedia-thoracic', 'nhs-back-pain-urgent'],
  },
  // ── See a clinician (book within 1–2 weeks) ──────────────────────────────────────────────
  {
    id: 'exertional-chest-pressure',
    name: 'Chest pressure that comes with effort',
    level: 'clinician',
    reason:
      'Chest, arm, jaw or upper-back pressure that comes on with effort and passes within minutes of stopping should be checked by a doctor soon, before hard running.',
    action:
      'Book a GP appointment this week and avoid hard efforts until then. Call your emergency number if it lasts more than 15 minutes or comes on at rest.',
    rationale:
      'NHS: stable angina, make a GP appointment; 999 if it lasts over 15 minutes despite rest. Recent, escalating or prolonged symptoms follow the cardiac rules above.',
    params: { emergencyAfterMinutes: 15 },
    sources: ['nhs-angina', 'nice-cg95-chest-pain'],
  },
  {
    id: 'cardiac-past',
    name: 'Heart warning signs more than 3 days ago',
    level: 'clinician',
    reason:
      'Chest, arm or jaw symptoms with the back pain more than three days ago should still be checked by a doctor.',
    action: `${BOOK} Call your emergency number if the symptoms return.`,
    rationale: 'NICE CG95 gives same-day assessment up to 72 h; after that, a prompt GP review (cautious).',
    sources: ['nice-cg95-chest-pain'],
  },
  {
    id: 'minor-trauma',
    name: 'Pain after a fall or knock',
    level: 'clinician',
    reason: 'Pain that began after a fall or a knock should be checked by a clinician.',
    action: BOOK,
    rationale:
      'Trauma is a red flag in the thoracic and neck lists; without osteoporosis or steroids, prompt review.',
    sources: ['physiopedia-thoracic', 'canadian-c-spine'],
  },
  {
    id: 'cancer-history',
    name: 'A history of cancer',
    level: 'clinician',
    reason:
      'With a history of cancer, new back pain should be checked by your doctor, even when it seems mechanical.',
    action: `${BOOK} Contact your cancer team today if it worsens, wakes you at night, or nerve symptoms appear.`,
    rationale:
      'Cancer history is a red flag in every list; lower-back pain that is not progressive gets prompt review (NICE CG75).',
    sources: ['nice-cg75-mscc', 'glos-nhs-pathway'],
  },
  {
    id: 'immunosuppression',
    name: 'Weakened immune system',
    level: 'clinician',
    reason:
      'With a weakened immune system or injecting drug use, new back pain should be checked by a doctor.',
    action: `${BOOK} Get seen the same day if a fever appears.`,
    rationale:
      'Spinal infection risk factors (regional pathway; Physiopedia). With fever the same-day rule applies.',
    sources: ['slideplayer-nhs-pathway', 'physiopedia-thoracic'],
  },
  {
    id: 'age-onset',
    name: 'New back pain under 20 or over 50',
    level: 'clinician',
    reason: 'Back pain that is new under the age of 20 or over 50 is worth a clinician’s check.',
    action: BOOK,
    rationale: 'New pain at age over 50 or under 20 is a red flag in the NICE CKS-based and thoracic lists.',
    params: { under: 20, over: 50, newWithinDays: 42 },
    sources: ['glos-nhs-pathway', 'physiopedia-thoracic'],
  },
  {
    id: 'inflammatory-pattern',
    name: 'Long morning stiffness that eases with exercise',
    level: 'clinician',
    reason:
      'Morning stiffness lasting more than half an hour that eases with exercise, especially before 45, is worth a doctor’s check for an inflammatory cause.',
    action: BOOK,
    rationale:
      'Axial spondyloarthritis features; the pathway gives an expedited rheumatology referral via the GP.',
    params: { onsetAgeUnder: 45 },
    sources: ['slideplayer-nhs-pathway'],
  },
  {
    id: 'abdominal-back-pain',
    name: 'Belly pain spreading to the back with high blood pressure',
    level: 'clinician',
    reason:
      'Pain that spreads from the belly to the back in someone with high blood pressure should be checked by a GP.',
    action: `${BOOK} If it is sudden and severe, call your emergency number.`,
    rationale:
      'Non-spinal cause (aortic aneurysm): see the GP (crystalpeaks practice, via clinical-guidelines.md §1.3).',
    sources: ['sheffield-nhs-back'],
  },
  {
    id: 'nerve-symptoms',
    name: 'Tingling, numbness or weakness',
    level: 'clinician',
    reason:
      'Tingling, numbness or weakness can mean a nerve is involved and should be examined by a clinician.',
    action: `${BOOK} Get seen the same day if it spreads, worsens, or affects both legs.`,
    rationale:
      'Article 003: tingling or numbness suggests nerve involvement, see a professional; NHS: numbness or pins and needles not gone after a week, see the GP.',
    sources: [A03, 'nhs-back-pain-timeline'],
  },
  {
    id: 'pain-spreading-limb',
    name: 'Pain spreading into an arm or leg',
    level: 'clinician',
    reason: 'Pain that runs into an arm or leg should be examined by a clinician.',
    action: BOOK,
    rationale: 'Radicular pain needs examination (NICE CKS sciatica; article 003 on disc problems).',
    sources: ['nice-cks-red-flags', A03],
  },
  {
    id: 'severe-pain',
    name: 'Severe pain',
    level: 'clinician',
    reason: 'Severe pain should be checked by a clinician rather than managed alone.',
    action: BOOK,
    rationale:
      'Article 000: severe pain, seek professional help; article 003: pain that feels severe, talk with a doctor; nhs.uk: very severe pain, get help.',
    params: { worst: 8, now: 7 },
    sources: [A00, A03, 'nhs-back-pain-urgent'],
  },
  {
    id: 'persisting-despite-rest',
    name: 'Pain lasting a few days despite rest',
    level: 'clinician',
    reason:
      'Pain that has lasted a few days and is not getting better despite rest and stretching should be checked.',
    action: BOOK,
    rationale:
      'Article 003: pain lasting a few days despite rest and stretching, talk with a doctor; article 000: more than a couple of days. More cautious than the guidelines’ two-week review, so it wins when the pain is not improving.',
    params: { days: 3 },
    sources: [A03, A00],
  },
  {
    id: 'not-improving-weeks',
    name: 'Not improving after two weeks',
    level: 'clinician',
    reason:
      'Back pain that has not started to improve after two weeks, or not settled after six, should be reviewed.',
    action: BOOK,
    rationale:
      'Guideline tool rule: review at 2 weeks; escalate if not improving at 2–4 weeks or not resolved by 6 weeks (CHCP; NHS).',
    params: { notImprovingDays: 14, unresolvedDays: 42 },
    sources: ['chcp-nhs-msk', 'nhs-back-pain-timeline'],
  },
  {
    id: 'self-care-not-helping',
    name: 'Not helped by self-care',
    level: 'clinician',
    reason:
      'Pain that is not easing with foam rolling, massage, heat, rest and stretching should be checked.',
    action: BOOK,
    rationale:
      'Article 004: if foam rolling, gentle massage or heat do not help, seek medical attention; article 003.',
    sources: [A04, A03],
  },
  {
    id: 'chronic',
    name: 'Pain for more than three months',
    level: 'clinician',
    reason:
      'Pain that has gone on for more than three months is chronic and is best managed with a clinician.',
    action: BOOK,
    rationale:
      'Article 004: chronic pain over three months can spread and grow more complex; ACP 2017: chronic > 12 weeks.',
    params: { days: 84 },
    sources: [A04, 'acp-2017'],
  },
  {
    id: 'getting-worse',
    name: 'Pain that is getting worse',
    level: 'clinician',
    reason: 'Pain that is getting worse rather than better should be checked by a clinician.',
    action: BOOK,
    rationale: 'nhs.uk: get help if the pain is getting worse; article 003: pain that persists or increases.',
    sources: ['nhs-back-pain-urgent', A03],
  },
  {
    id: 'pattern-needs-assessment',
    name: 'A pattern a clinician should assess',
    level: 'clinician',
    reason:
      'Your answers fit a pattern the sources link to a particular structure (a joint, a disc or nerve, or a strain). Only a clinician can examine it; self-care alone is not enough.',
    action: BOOK,
    rationale:
      'The seed inventory routes structural and medical causes (strain, disc, sacroiliac and facet joints) to a clinician, never to self-treatment alone.',
    sources: [A03, A00],
  },
  {
    id: 'screen-skipped',
    name: 'Red-flag screen not answered',
    level: 'clinician',
    reason:
      'You skipped the safety questions, so Backstride cannot rule out a cause that needs a doctor. A clinician can ask them in person.',
    action: BOOK,
    rationale:
      'CKS: red flags must be asked about directly. Missing answers never lower the level; with none answered, the plan cannot be offered as self-care alone.',
    sources: ['nice-cks-red-flags'],
  },
  {
    id: 'screen-incomplete',
    name: 'Red-flag screen partly answered',
    level: 'clinician',
    reason:
      'Some safety questions were not answered, so Backstride cannot rule out a cause that needs a doctor. Answer them all to get a self-care plan, or let a clinician ask them in person.',
    action: BOOK,
    rationale:
      'An unanswered red-flag question is never taken as "no" (CKS: ask directly). Without every answer the result cannot be self-care alone; answering one question must not do better than answering none.',
    sources: ['nice-cks-red-flags'],
  },
];

/** Safety-net advice shown with every result ("seek help if …"). */
export const safetyNet = {
  sources: ['sheffield-nhs-back', 'nhs-back-pain-urgent', 'chcp-nhs-msk', A00, A03, A04],
  emergency: [
    'chest pain or pressure, or pain spreading to the arm, jaw or chest, especially with sweating, nausea or breathlessness',
    'sudden, severe, tearing pain in the chest or upper back, fainting, or sudden breathlessness',
    'numbness around the genitals or bottom, new trouble peeing, or loss of bladder or bowel control',
    'pain, tingling, numbness or weakness in both legs',
  ],
  urgent: [
    'a high temperature or chills with the back pain',
    'weakness or numbness that spreads or gets worse',
    'pain that wakes you at night or stops you sleeping',
    'weight loss you cannot explain',
  ],
  clinician: [
    'it has not started to improve after a few days of rest and easier running, or within two weeks',
    'tingling or numbness that lasts more than a week',
    'it keeps coming back, or has lasted more than three months',
  ],
} as const;
