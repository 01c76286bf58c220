/**
 * Red flags and care thresholds. Each entry is one triage rule: the level it leads to, what the runner is
 * told, and why (guideline wording and any cautious-wins decision). The predicates that read the answers
 * live in `triage/rules.ts` under the same ids; every number they use is in `params` here.
 */
import type { RedFlagInput } from '../schema.js';

const A00 = 'a00-upper-back-after-running';
const A01 = 'a01-upper-back-mechanics';
const A03 = 'a03-back-pain-after-running';
const A04 = 'a04-five-reasons';

const CALL_EMERGENCY = 'Call your local emergency number now. Stop running, and do not drive yourself.';
const SAME_DAY =
  'Get seen by a doctor today: a same-day appointment with your doctor, an urgent care service, or your health advice line.';
const BOOK =
  'Book an appointment with a physical therapist or doctor within the next week or two, and use the gentle self-care below meanwhile.';

export const redFlags: RedFlagInput[] = [
  // ── Emergency ──────────────────────────────────────────────────────────────────────────────
  {
    id: 'cardiac-warning',
    name: 'Heart attack warning signs',
    level: 'emergency',
    reason:
      'Back pain together with chest pain or pressure, pain spreading to the chest or jaw, or with sweating, nausea, breathlessness, feeling faint or a racing heart can be a heart problem, even without chest pain.',
    action: CALL_EMERGENCY,
    rationale:
      'NICE CG95: emergency if the pain is present now or was in the last 12 h; same-day assessment if the last episode was 12–72 h ago. NHS: some people have back or jaw pain without chest pain. Sheffield NHS: chest pain with back pain is 999. nhs.uk palpitations: 999 for palpitations now with chest pain, breathlessness or feeling faint; if they have stopped, an urgent GP appointment or 111. Backstride treats faintness or palpitations in the last 12 h as now (more cautious than nhs.uk), and an unknown time as now. Episodes more than 72 h ago still need a clinician.',
    params: { emergencyWithinHours: 12, urgentWithinHours: 72 },
    sources: ['nice-cg95-chest-pain', 'nhs-heart-attack', 'sheffield-nhs-back', 'nhs-palpitations'],
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
    id: 'tearing-pain-severe',
    name: 'Severe tearing pain in the upper back or chest',
    level: 'emergency',
    reason: 'Severe tearing or ripping pain in the upper back, neck or chest needs emergency care.',
    action: CALL_EMERGENCY,
    rationale:
      'HSE/NHS: sudden severe chest or upper-back pain with a tearing or ripping feeling, call 112 or 999; BNSSG: consider aortic dissection in anyone 40 or over with sudden tearing chest or back pain. A pain score of 7 or more, or none given, counts as severe (cautious).',
    params: { severePain: 7 },
    sources: ['hse-aortic-dissection', 'bnssg-aortic-dissection'],
  },
  {
    id: 'collapse',
    name: 'Fainting, collapse or new confusion',
    level: 'emergency',
    reason: 'Fainting, collapsing, new confusion or being very drowsy with this pain needs emergency care.',
    action: CALL_EMERGENCY,
    rationale:
      'Aortic dissection (fainting) and severe pulmonary embolism (collapse) are 999 emergencies; nhs.uk: call 999 if someone suddenly becomes confused, and with a kidney infection if confused or drowsy.',
    sources: ['hse-aortic-dissection', 'nhs-pulmonary-embolism', 'nhs-confusion', 'nhs-kidney-infection'],
  },
  {
    id: 'confused-drowsy',
    name: 'New confusion or drowsiness',
    level: 'emergency',
    reason: 'New confusion, or being very drowsy and hard to keep awake, needs emergency care.',
    action: CALL_EMERGENCY,
    rationale:
      'nhs.uk: go to A&E or call 999 if someone suddenly becomes confused; nhs.uk kidney infection: call 999 if confused or drowsy; SWAST: an acute confused state or loss of consciousness is a 999 call.',
    sources: ['nhs-confusion', 'nhs-kidney-infection'],
  },
  {
    id: 'sudden-breathlessness',
    name: 'Sudden breathlessness, or one-sided chest pain with breathlessness',
    level: 'emergency',
    reason:
      'Sudden breathlessness, or sharp one-sided chest pain with breathlessness, now or in the last 12 hours, can be a lung problem that needs emergency care.',
    action: CALL_EMERGENCY,
    rationale:
      'Pneumothorax: A&E for sudden chest pain with breathlessness (secondary pages, marked for confirmation). nhs.uk pulmonary embolism: 999 for severe difficulty breathing or pain in the chest or upper back. The question cannot tell severe from mild breathlessness, so symptoms now, in the last 12 hours, or at an unknown time are an emergency (cautious).',
    params: { emergencyWithinHours: 12 },
    sources: ['pneumothorax-secondary', 'nhs-pulmonary-embolism', 'nhs-pe-2023'],
  },
  {
    id: 'clot-risk-pregnancy',
    name: 'Breathing pain or breathlessness in pregnancy or after a birth',
    level: 'emergency',
    reason:
      'Pain on breathing in, or breathlessness, while pregnant or within six weeks of giving birth can be a blood clot in the lung and needs emergency care.',
    action: CALL_EMERGENCY,
    rationale:
      'NICE CKS suspected pulmonary embolism: arrange immediate admission if pregnant or given birth within the past 6 weeks. Pain on breathing counts only in the upper back or chest (or where it hurts was not said).',
    sources: ['cks-pe-suspected', 'nhs-pe-2023'],
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
    name: 'Stroke-like signs or a sudden, very severe headache',
    level: 'emergency',
    reason:
      'Double vision, dizziness, drop attacks, slurred speech or a sudden, very severe headache with the pain needs emergency care.',
    action: CALL_EMERGENCY,
    rationale:
      'AAFP 2020: vascular causes of neck pain (artery dissection) need urgent imaging, treated as an emergency; nhs.uk headaches: call 999 if a headache came on suddenly and is extremely painful (NICE NG228: thunderclap headache is a red flag, neck pain among its signs).',
    sources: ['aafp-neck-2020', 'nhs-headaches'],
  },
  {
    id: 'thunderclap-headache',
    name: 'A sudden, very severe headache',
    level: 'emergency',
    reason: 'A sudden, extremely painful headache, the worst you have had, needs emergency care.',
    action: CALL_EMERGENCY,
    rationale:
      'nhs.uk headaches: call 999 or go to A&E if a headache came on suddenly and is extremely painful; NICE NG228: a thunderclap headache (peaking within 1 to 5 minutes) is a red-flag symptom, and neck pain or stiffness is among its signs. Coming on during exercise does not lower it.',
    sources: ['nhs-headaches'],
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
    id: 'breathlessness-passed',
    name: 'Sudden breathlessness that has passed',
    level: 'urgent',
    reason:
      'Sudden breathlessness, or one-sided chest pain with breathlessness, more than 12 hours ago needs a same-day check, even though it has passed.',
    action: `${SAME_DAY} Call your emergency number if it comes back, or you become very breathless.`,
    rationale:
      'nhs.uk pulmonary embolism: ask for an urgent GP appointment or get help from NHS 111 if you have difficulty breathing which comes on suddenly; a pneumothorax may be missed when people wait days.',
    sources: ['nhs-pe-2023', 'pneumothorax-secondary'],
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
    id: 'clot-risk-breathing',
    name: 'Breathing pain or breathlessness with a clot risk',
    level: 'urgent',
    reason:
      'Pain on breathing in, or breathlessness, together with a risk of blood clots (a long journey, an operation or bed rest, the combined pill or HRT, or a clot before) needs a same-day check.',
    action: `${SAME_DAY} Call your emergency number if you become very breathless, your heart races, or you feel faint.`,
    rationale:
      'nhs.uk pulmonary embolism: chest or upper-back pain worse on breathing in; NHS DVT risk factors (journeys over 3 hours, surgery or hospital stay, the pill or HRT, a previous clot) make a pulled muscle a less safe reading. Same-day care; 999 for severe breathlessness, a racing heart or collapse.',
    sources: ['nhs-pe-2023', 'nhs-dvt-risk', 'nhs-pulmonary-embolism'],
  },
  {
    id: 'tearing-pain',
    name: 'Tearing pain in the upper back or chest',
    level: 'urgent',
    reason: 'A tearing or ripping pain in the upper back, neck or chest needs a same-day check.',
    action: `${SAME_DAY} Call your emergency number if it becomes severe or you feel faint.`,
    rationale:
      'A tearing feeling is the word HSE/NHS use for aortic dissection; below a severe score it still gets same-day care (cautious), since the words runners use for a strain and for a dissection overlap.',
    sources: ['hse-aortic-dissection', 'bnssg-aortic-dissection'],
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
    id: 'kidney-infection-signs',
    name: 'Burning when peeing with pain in the side',
    level: 'urgent',
    reason:
      'Pain or burning when you pee, together with pain in your side just under the ribs or spreading to the groin, can be a kidney infection and needs a same-day check.',
    action: `${SAME_DAY} Call your emergency number if you become confused or very drowsy.`,
    rationale:
      'nhs.uk kidney infection: ask for an urgent GP appointment or get help from NHS 111 for pain in the back just under the ribs with urinary symptoms, a high temperature or blood in the pee; 999 if confused or drowsy.',
    sources: ['nhs-kidney-infection'],
  },
  {
    id: 'blood-in-urine',
    name: 'Blood in the urine',
    level: 'urgent',
    reason: 'Blood in your pee needs a prompt check by a doctor, even with no other symptoms.',
    action: SAME_DAY,
    rationale:
      'nhs.uk: ask for an urgent GP appointment if you have blood in your pee, even without other symptoms.',
    sources: ['nhs-blood-in-urine', 'nhs-kidney-infection'],
  },
  {
    id: 'kidney-stone-signs',
    name: 'Severe pain in the side or spreading to the groin',
    level: 'urgent',
    reason:
      'Severe pain in your side, or pain that comes in waves and spreads to the groin, can be a kidney stone and needs a same-day check.',
    action: SAME_DAY,
    rationale:
      'NHS 111 Wales kidney stones: contact a GP or NHS 111 immediately if you are in severe pain. A pain score of 7 or more counts as severe.',
    params: { severePain: 7 },
    sources: ['nhs-kidney-stones'],
  },
  {
    id: 'shingles',
    name: 'A one-sided band of rash or burning skin',
    level: 'urgent',
    reason:
      'A band of rash, blisters or burning, tingling skin on one side of the back or chest can be shingles; treatment works best when started within three days.',
    action: `${SAME_DAY} A pharmacist can also advise today. Go to an eye casualty or emergency department today if the rash is near the eye or the eye is red or painful.`,
    rationale:
      'nhs.uk shingles: ask for an urgent GP appointment or get help from NHS 111 if you think you might have shingles; antivirals work best within 3 days; shingles can cause pain before a rash. Kept at same day even for an older rash (the CKS down-grade is left to the clinician).',
    sources: ['nhs-shingles'],
  },
  {
    id: 'eye-inflammation-now',
    name: 'A red, painful eye now',
    level: 'urgent',
    reason:
      'A red, painful eye that dislikes light, with back pain and stiffness, needs an eye doctor within 24 hours.',
    action:
      'See an eye doctor today or tomorrow: an eye casualty, an urgent care centre, or your GP or 111 (or your local equivalent) to be directed.',
    rationale:
      'NASS: with axial spondyloarthritis, a red, painful, light-sensitive eye needs an eye doctor, ideally within 24 hours (clinical-guidelines-additions §8).',
    sources: ['nass-eye'],
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
    id: 'night-pain-with-risk',
    name: 'Night pain with another warning sign',
    level: 'urgent',
    reason:
      'Pain at night that stops sleep and is not eased by changing position needs a prompt check when it comes with a weakened immune system, new pain after 50, or pain that has not improved in a month.',
    action: SAME_DAY,
    rationale:
      'NICE CKS: persistent night pain unrelieved by changing position may suggest cancer alongside other features. With a cancer history, weight loss or fever, their own same-day rules already apply; this rule adds immune suppression, new pain after 50 and no improvement in a month.',
    params: { age: 50, newWithinDays: 42, notImprovingDays: 30 },
    sources: ['glos-nhs-pathway', 'nhs-back-pain-urgent'],
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
  {
    id: 'high-blood-pressure-sudden-severe',
    name: 'Sudden severe upper-back pain with high blood pressure',
    level: 'urgent',
    reason:
      'Severe upper-back, chest or belly pain that came on suddenly, by itself, in someone with high blood pressure needs a same-day check.',
    action: `${SAME_DAY} Call your emergency number if it tears or rips, or you feel faint.`,
    rationale:
      'Backstride heuristic from HSE and BNSSG on aortic dissection: long-standing or untreated high blood pressure (including stopped tablets) strengthens the case and nothing weakens it. Sudden, unprovoked severe pain in the last 2 days gets same-day care; a tearing pain is an emergency on its own.',
    params: { severePain: 7, newWithinDays: 2 },
    sources: ['hse-aortic-dissection', 'bnssg-aortic-dissection'],
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
    id: 'night-pain',
    name: 'Night pain that stops sleep',
    level: 'clinician',
    reason:
      'Pain at night that stops you sleeping and is not eased by changing position should be checked by a clinician within a week or two.',
    action: `${BOOK} Get seen the same day if you also lose weight, run a fever, or feel unwell.`,
    rationale:
      'nhs.uk lists pain worse at night among reasons to get help; CKS counts night pain as a cancer sign only with other features, and in a triage clinic 44% of people had night pain with no serious cause found (Harding 2005). On its own it is a booking, not a same-day visit; with a cancer history, weight loss, fever, immune suppression or new pain after 50 the same-day rules apply.',
    sources: ['nhs-back-pain-urgent', 'glos-nhs-pathway', 'harding-2005-night-pain'],
  },
  {
    id: 'inflammatory-pattern',
    name: 'An inflammatory back pain pattern',
    level: 'clinician',
    reason:
      'Long morning stiffness, pain that is better with exercise and worse with rest, buttock pain that switches sides, eye inflammation, or psoriasis or bowel disease in you or your family, together, can mean an inflammatory cause that a doctor should assess.',
    action: `${BOOK} Ask your GP whether a rheumatology referral is needed.`,
    rationale:
      'NICE NG65: refer if back pain began before 45 and has lasted over 3 months with enough features; Berlin criteria: 2 of 4 features in chronic back pain. Backstride: onset before 45 (or age not given), and 2 features when the pain has lasted 3 months or more, or 3 at any duration. A referral, not a same-day visit (QS170 sets no time frame); a red, painful eye now is the same-day exception.',
    params: { onsetAgeUnder: 45, days: 84, featuresLongLasting: 2, featuresAnyDuration: 3 },
    sources: ['nice-ng65-spa', 'asas-berlin-ibp', 'slideplayer-nhs-pathway'],
  },
  {
    id: 'abdominal-back-pain',
    name: 'Belly pain spreading to the back with high blood pressure',
    level: 'clinician',
    reason:
      'Pain that spreads between the belly and the back in someone with high blood pressure should be checked by a GP.',
    action: `${BOOK} If it is sudden and severe, call your emergency number.`,
    rationale:
      'Non-spinal cause (aortic aneurysm): see the GP (Crystal Peaks practice, via clinical-guidelines.md §1.3); nidirect: a burst aneurysm is a 999 call.',
    sources: ['crystal-peaks-minor-illness', 'nidirect-aaa'],
  },
  {
    id: 'aneurysm-risk',
    name: 'Lower-back pain at 65 or over with high blood pressure',
    level: 'clinician',
    reason:
      'Lower-back or belly pain at 65 or over, with high blood pressure, should be checked by a GP soon to rule out a problem with the main artery.',
    action: `${BOOK} Call your emergency number if the pain becomes sudden and severe, or you feel faint.`,
    rationale:
      'nidirect (NHS content), abdominal aortic aneurysm: persistent lower-back or tummy pain in a man 65 or over, a smoker or someone with high blood pressure, see your GP as soon as possible; 999 if it bursts.',
    params: { age: 65 },
    sources: ['nidirect-aaa'],
  },
  {
    id: 'urinary-symptoms',
    name: 'Pain or burning when peeing',
    level: 'clinician',
    reason: 'Pain, burning or stinging when you pee should be checked by a GP or a pharmacist soon.',
    action:
      'See a GP or a pharmacist in the next few days. Get seen the same day if you get a fever, pain in your side, or blood in your pee.',
    rationale:
      'nhs.uk kidney infection: see a GP for pain, burning or stinging when you pee; with pain just under the ribs, a fever or blood in the pee, the same-day rules apply.',
    sources: ['nhs-kidney-infection'],
  },
  {
    id: 'flank-or-groin-pain',
    name: 'Pain in the side or spreading to the groin',
    level: 'clinician',
    reason:
      'Pain in your side just under the ribs, or spreading round to the groin, may come from the kidneys rather than the back and should be checked.',
    action: `${BOOK} Get seen the same day if it becomes severe, comes in waves, or you get a fever or blood in your pee.`,
    rationale:
      'nhs.uk kidney infection and NHS 111 Wales kidney stones: pain in the side or spreading to the groin points away from the back; severe pain, fever or blood in the pee are same-day (their own rules).',
    sources: ['nhs-kidney-infection', 'nhs-kidney-stones'],
  },
  {
    id: 'nerve-weakness',
    name: 'Weakness in an arm or leg',
    level: 'clinician',
    reason: 'An arm or leg that feels weak or gives way should be examined by a clinician.',
    action: `${BOOK} Get seen the same day if the weakness spreads, worsens, or affects both legs.`,
    rationale:
      'CKS/NHS: weakness is a neurological sign to examine; sudden, spreading or worsening weakness is same day (its own rules). Stable weakness is booked at any duration (more cautious than the one-week rule for tingling).',
    sources: ['chcp-nhs-msk', 'glos-nhs-pathway'],
  },
  {
    id: 'nerve-symptoms',
    name: 'Tingling or numbness for more than a week',
    level: 'clinician',
    reason:
      'Tingling or numbness that has lasted more than a week can mean a nerve is involved and should be examined by a clinician.',
    action: `${BOOK} Get seen the same day if it spreads, worsens, or affects both legs.`,
    rationale:
      'NHS-based guidance: numbness or pins and needles that has not gone after 1 week, see the GP (clinical-guidelines.md §1.2, rule c). Within the first week it is self-care with a dated check-back; an unknown duration counts as over a week (cautious).',
    params: { days: 7 },
    sources: ['nhs-back-pain-timeline', A03],
  },
  {
    id: 'limb-pain-nerve-signs',
    name: 'Pain into an arm or leg with nerve signs',
    level: 'clinician',
    reason:
      'Pain running into an arm or leg together with tingling, numbness or weakness can mean a disc is pressing on a nerve; a clinician should examine it.',
    action: `${BOOK} Get seen the same day if weakness spreads or worsens, and call your emergency number if both legs are affected or your bladder or bowel changes.`,
    rationale:
      'The health article on back pain after running: a herniated disc can cause pain that radiates into the limbs with tingling or numbness, and needs a doctor; NICE CKS sciatica. Pain that spreads without nerve signs follows the usual review times (nhs.uk sciatica: see a GP if no better after a few weeks of home treatment).',
    sources: [A03, 'nice-cks-red-flags', 'nhs-sciatica'],
  },
  {
    id: 'severe-pain',
    name: 'Severe pain that is not easing',
    level: 'clinician',
    reason:
      'Pain that is severe now, or stops your normal day-to-day activities, and is not easing with rest should be checked by a clinician.',
    action: BOOK,
    rationale:
      'nhs.uk: see a GP if the pain is severe or stopping you doing day-to-day activities; the health article on back pain after running: pain that feels severe, talk with a doctor. Severe means 7 or more out of 10 now. Pain of 9 or more now is booked even when it eases with rest.',
    params: { now: 7, verySevereNow: 9 },
    sources: ['nhs-back-pain-see-gp', A03, A00],
  },
  {
    id: 'not-improving-weeks',
    name: 'Not improving after three weeks, or not settled by six',
    level: 'clinician',
    reason:
      'Back pain that has not started to improve after three weeks of looking after it at home, or has not settled by six weeks, should be reviewed by a clinician.',
    action: BOOK,
    rationale:
      'nhs.uk: see a GP if the pain does not improve after treating it at home for a few weeks; CHCP: most back pain starts to fade in 2 weeks and settles within 6; NHS-based guidance: see the GP if not improved in 6 weeks. "A few weeks" is taken as 3.',
    params: { notImprovingDays: 21, unresolvedDays: 42 },
    sources: ['nhs-back-pain-see-gp', 'chcp-msk-review-times', 'nhs-back-pain-timeline'],
  },
  {
    id: 'chronic',
    name: 'Pain for more than three months, or that keeps coming back',
    level: 'clinician',
    reason:
      'Pain that has gone on for more than three months, or keeps coming back, is best managed with a clinician.',
    action: BOOK,
    rationale:
      "ACP 2017: chronic is over 12 weeks; the “5 possible reasons” article: chronic pain can grow more complex; the guidelines' tool rule escalates recurrent or chronic pain (clinical-guidelines.md §1.2, rule d).",
    params: { days: 84 },
    sources: [A04, 'acp-2017'],
  },
  {
    id: 'rib-joint-not-easing',
    name: 'Rib–spine joint pain that is not easing',
    level: 'clinician',
    reason:
      'Mid-back pain that catches on a deep breath or a twist and has not eased after two weeks should be examined by a clinician.',
    action: BOOK,
    rationale:
      'The running-mechanics article handles rib–spine joint restriction with mobility work; Physiopedia: thoracic pain unchanged after 2–4 weeks is a red flag. Backstride books it from 2 weeks if it is not getting better (an unknown start counts).',
    params: { days: 14 },
    sources: [A01, 'physiopedia-thoracic'],
  },
  {
    id: 'worried-or-struggling',
    name: 'Worried about the pain, or struggling to cope',
    level: 'clinician',
    reason:
      'You are worried about the pain or finding it hard to cope. A physical therapist or GP can examine you, explain what is going on and support you.',
    action: `${BOOK} If you are having thoughts of harming yourself, contact a crisis line or your emergency number now.`,
    rationale:
      'nhs.uk: see a GP if you are worried about the pain or struggling to cope. NICE NG59 recommends more support for people at higher risk (STarT Back); Backstride asks its own questions and books fear of moving together with low mood as well. Never an urgent flag on its own.',
    sources: ['nhs-back-pain-see-gp', 'nice-ng59', 'keele-start-back'],
  },
  {
    id: 'getting-worse',
    name: 'Pain that is getting worse over days',
    level: 'clinician',
    reason: 'Pain that has been getting worse over several days should be checked by a clinician.',
    action: BOOK,
    rationale:
      'nhs.uk: see a GP if the pain is severe or getting worse over time; the health article on back pain after running: pain that persists or increases. In the first 2 days a strain often feels worse before it eases, so the rule waits for day 3 (an unknown start counts as day 3).',
    params: { days: 3 },
    sources: ['nhs-back-pain-see-gp', A03],
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
  sources: [
    'sheffield-nhs-back',
    'nhs-back-pain-urgent',
    'nhs-back-pain-see-gp',
    'chcp-nhs-msk',
    A00,
    A03,
    A04,
  ],
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
    'it is getting worse over several days, or is severe and not easing with rest',
    'it has not started to improve after three weeks, or has not settled by six',
    'tingling or numbness that lasts more than a week',
    'it keeps coming back, or has lasted more than three months',
    'you are worried about it or struggling to cope',
  ],
} as const;

/**
 * The dated check-back on every self-care result. The health article on back pain after running’s "pain that lasts a few days despite rest
 * and stretching, see a doctor" becomes a check-back after a few days; the guidelines' review times decide
 * what happens then (the rules above). Stronger pain is checked sooner; pain already easing, later.
 */
export const checkBackPolicy = {
  /** Days to the check-back for mild to moderate pain that is not yet improving ("a few days"). */
  days: 3,
  /** Pain at or above this (now or worst in the last week, 0–10) is checked sooner. */
  strongerPainFrom: 5,
  strongerPainDays: 2,
  /** Pain already getting better: by a week most back pain has started to fade (CHCP: within 2 weeks). */
  improvingDays: 7,
  sources: [A03, 'chcp-msk-review-times', 'nhs-back-pain-see-gp'],
} as const;
