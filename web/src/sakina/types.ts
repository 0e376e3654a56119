/** SAKINA's API shapes as the browser sees them (see /api/openapi.json, tag "sakina"). */
export type LocalText = { id: string; en: string };
export type Category = 'KRR' | 'KRT' | 'KRST';
export type Status = 'reported' | 'active' | 'delivered' | 'closed' | 'merged' | 'withdrawn';

export type Village = { id: string; code: string; name: string; district: string | null; puskesmas: { id: string; name: string } };

export type Summary = {
  id: string;
  village: { id: string; code: string; name: string };
  status?: Status;
  reportedVia?: 'community' | 'health_worker';
  name?: string;
  nikMasked?: string | null;
  addressLine?: string;
  phone?: string | null;
  dueDate?: string | null;
  category?: Category | null;
  score?: number | null;
  emergency?: boolean;
  gestationalAge?: { weeks: number; days: number } | null;
};

export type Factor = { code: string; no: string; group: 'I' | 'II' | 'III'; score: number; label: LocalText };

export type Visit = {
  id: string;
  visitDate: string;
  gestationalAge: { weeks: number; days: number };
  trimester: 1 | 2 | 3;
  ksprColumn: string;
  place: string;
  examiner: 'midwife' | 'doctor';
  examinerName: string | null;
  weightKg: number | null;
  bloodPressure: string | null;
  hb: number | null;
  findings: string | null;
  factorsFound: Factor[];
  score: number;
  category: Category;
  emergency: boolean;
};

export type Escort = {
  id: string;
  pregnancyId: string;
  reason: 'labour' | 'referral' | 'emergency';
  destination: string;
  note: string | null;
  status: 'requested' | 'accepted' | 'on_the_way' | 'arrived' | 'cancelled';
  requestedAt: string;
  requestedBy: string | null;
  acceptedAt: string | null;
  acceptedBy: string | null;
  acceptedById: string | null;
  onTheWayAt: string | null;
  arrivedAt: string | null;
  cancelledAt: string | null;
  escalatedAt: string | null;
};

export type Task = {
  id: string;
  pregnancyId: string;
  kind: 'home_visit' | 'missed_visit_follow_up' | 'escort';
  duty: string;
  assignee: string | null;
  dueOn: string;
  status: 'open' | 'done' | 'cancelled';
  reason: LocalText;
  doneAt: string | null;
  resultNote: string | null;
};

export type Donor = { name: string; bloodType: string; phone: string; relation?: string | null };

export type BirthPlan = {
  attendant: string;
  attendantName: string | null;
  place: string;
  placeName: string;
  companionName: string;
  companionRelation: string | null;
  transport: string;
  transportDetail: string | null;
  transportPhone: string | null;
  donors: Donor[];
  funding: string[];
  bpjsNumber: string | null;
  contraception: string;
  motherBloodType: string | null;
};

export type Outcome = {
  kind: 'birth' | 'loss';
  deliveryDate: string;
  deliveryTime: string | null;
  placeKind: string;
  placeName: string | null;
  attendant: string;
  attendantName: string | null;
  mode: string | null;
  motherStatus: 'alive' | 'died';
  motherDiedOn: string | null;
  babies: { seq: number; sex: 'F' | 'M'; weightGrams: number | null; status: string; diedOn: string | null; name: string | null }[];
};

/** A record with only the fields this reader may see: each is absent when not allowed. */
export type Record_ = {
  id: string;
  village: { id: string; code: string; name: string; district: string | null };
  puskesmas: { id: string; code: string; name: string };
  can: string[];
  status?: Status;
  report?: { via: 'community' | 'health_worker'; reportedAt: string; reportedBy: string | null; note: string | null; confirmedAt: string | null; mergedInto: string | null };
  name?: string;
  nik?: string | null;
  nikMasked?: string | null;
  birthDate?: string | null;
  address?: { dusun: string | null; rt: string | null; rw: string | null; text: string | null; line: string };
  phone?: string | null;
  family?: { name: string | null; relation: string | null; phone: string | null };
  bpjs?: string | null;
  hpht?: string | null;
  dueDate?: string | null;
  gestationalAge?: { weeks: number; days: number; trimester: number; text: LocalText } | null;
  obstetricHistory?: { gravida: number | null; para: number | null; abortus: number | null; livingChildren: number | null; heightCm: number | null };
  category?: Category | null;
  kspr?: {
    screened: boolean;
    score: number;
    category: Category | null;
    emergency: boolean;
    factors: Factor[];
    recommendation: { attendant: LocalText; place: LocalText; referral: string; note: LocalText };
    card: { date: string; column: string; score: number; category: Category; newlyFound: Factor[]; retracted: Factor[] }[];
    retractions: Retraction[];
    suggestedFactors: Factor[];
    riskFoundOn: string | null;
  };
  visits?: Visit[];
  anc?: {
    contacts: number;
    byTrimester: Record<'1' | '2' | '3', number>;
    doctorByTrimester: Record<'1' | '2' | '3', number>;
    k1: boolean;
    k4: boolean;
    k6: boolean;
    nextVisit: string | null;
    missed: { expected: string; overdueDays: number } | null;
  } | null;
  birthPlan?: BirthPlan | null;
  team?: { duty: string; userId: string; name: string; phone: string | null }[];
  tasks?: Task[];
  escorts?: Escort[];
  outcome?: Outcome | null;
  postpartum?: { id: string; visitDate: string; kf: string; motherCondition: string; babyCondition: string | null }[];
};

export type Woman = { id: string; village: string; name?: string; addressLine?: string; phone?: string | null; familyPhone?: string | null; familyName?: string | null; dueDate?: string | null; category?: Category | null };

export type TaskList = {
  tasks: (Task & { mine: boolean; woman: Woman })[];
  escorts: (Escort & { mine: boolean; canAccept: boolean; woman: Woman })[];
};

export type AlertItem = { id: string; kind: string; title: LocalText; createdAt: string; read: boolean; details: Record<string, unknown>; woman: Woman };
export type AlertList = { items: AlertItem[]; unread: number };

/** A KSPR factor withdrawn as a mistaken entry: who, when, why, and the score it left. */
export type Retraction = { id: string; factor: Factor; reason: string; retractedAt: string; retractedBy: string | null; scoreBefore: number; scoreAfter: number; categoryBefore: Category; categoryAfter: Category };
export type TeamCandidates = { midwife: { userId: string; name: string }[]; villageOfficial: { userId: string; name: string }[]; police: { userId: string; name: string }[] };

export type Count = { previous: number; month: number; cumulative: number; percent?: number | null };
export type FigureRow = {
  target: number | null;
  registered: Count;
  k1: Count;
  k4: Count;
  k6: Count;
  riskHealthWorker: Count;
  riskCommunity: Count;
  births: Count;
  facilityBirths: Count;
  escortsDone: Count;
  maternalDeaths: Count;
  infantDeaths: Count;
  stillbirths: Count;
  riskMix: { KRR: number; KRT: number; KRST: number; unscreened: number };
};
export type Figures = {
  month: string;
  puskesmas: { id: string; code: string; name: string; district: string | null; villages: (FigureRow & { villageId: string; name: string; code: string })[]; total: FigureRow }[];
  total: FigureRow;
  trend: { month: string; registered: number; k1: number; k4: number; k6: number; births: number; facilityBirths: number; highRisk: number; escortsDone: number }[];
};
