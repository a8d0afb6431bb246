import type { MarketingPreferences } from '@c360/domain';

type Language = MarketingPreferences['language'];

/**
 * Where demo customers live: IANA zone, the language spoken there, the phone country code and
 * a weight (how many customers come from there). Zones span UTC-8 to UTC+10 so quiet hours
 * fall at every hour of the server's day.
 */
export const DEMO_REGIONS: readonly {
  zone: string;
  language: Language;
  dial: string;
  tld: string;
  weight: number;
}[] = [
  { zone: 'Europe/Paris', language: 'fr', dial: '33', tld: 'fr', weight: 14 },
  { zone: 'America/Montreal', language: 'fr', dial: '1', tld: 'ca', weight: 3 },
  { zone: 'Africa/Casablanca', language: 'fr', dial: '212', tld: 'ma', weight: 2 },
  { zone: 'America/New_York', language: 'en', dial: '1', tld: 'com', weight: 12 },
  { zone: 'America/Chicago', language: 'en', dial: '1', tld: 'com', weight: 5 },
  { zone: 'America/Los_Angeles', language: 'en', dial: '1', tld: 'com', weight: 6 },
  { zone: 'Europe/London', language: 'en', dial: '44', tld: 'co.uk', weight: 8 },
  { zone: 'Australia/Sydney', language: 'en', dial: '61', tld: 'com.au', weight: 3 },
  { zone: 'Asia/Singapore', language: 'en', dial: '65', tld: 'sg', weight: 2 },
  { zone: 'Asia/Kolkata', language: 'en', dial: '91', tld: 'in', weight: 3 },
  { zone: 'Asia/Riyadh', language: 'ar', dial: '966', tld: 'sa', weight: 3 },
  { zone: 'Asia/Dubai', language: 'ar', dial: '971', tld: 'ae', weight: 3 },
  { zone: 'Africa/Cairo', language: 'ar', dial: '20', tld: 'eg', weight: 2 },
  { zone: 'Europe/Madrid', language: 'es', dial: '34', tld: 'es', weight: 5 },
  { zone: 'America/Mexico_City', language: 'es', dial: '52', tld: 'mx', weight: 4 },
  { zone: 'America/Bogota', language: 'es', dial: '57', tld: 'co', weight: 2 },
  { zone: 'America/Argentina/Buenos_Aires', language: 'es', dial: '54', tld: 'ar', weight: 2 },
  { zone: 'Europe/Berlin', language: 'de', dial: '49', tld: 'de', weight: 7 },
  { zone: 'Europe/Vienna', language: 'de', dial: '43', tld: 'at', weight: 2 },
  { zone: 'Europe/Zurich', language: 'de', dial: '41', tld: 'ch', weight: 2 },
  { zone: 'America/Sao_Paulo', language: 'pt', dial: '55', tld: 'com.br', weight: 4 },
  { zone: 'Europe/Lisbon', language: 'pt', dial: '351', tld: 'pt', weight: 1 },
  { zone: 'Europe/Rome', language: 'it', dial: '39', tld: 'it', weight: 4 },
  { zone: 'Europe/Amsterdam', language: 'nl', dial: '31', tld: 'nl', weight: 3 },
  { zone: 'Europe/Istanbul', language: 'tr', dial: '90', tld: 'com.tr', weight: 2 },
  { zone: 'Asia/Tokyo', language: 'ja', dial: '81', tld: 'jp', weight: 2 },
];

/** Customer lines and agent replies for conversations and call transcripts; English stands in for the rest. */
export const PHRASES: Partial<Record<Language, { customer: string[]; agent: string[] }>> & {
  en: { customer: string[]; agent: string[] };
} = {
  en: {
    customer: [
      'Hi, my order has not arrived yet. Can you check where it is?',
      'I was charged twice for the same purchase.',
      'Thank you so much, that solved it!',
      'This is the third time I am asking, nobody answers.',
      'Can I change the delivery address?',
      'The product arrived damaged, I would like a refund.',
      'Is there a discount for loyal customers?',
      'My internet connection keeps dropping every evening.',
      'How do I cancel my subscription?',
      'Great service, as always.',
    ],
    agent: [
      'Thanks for reaching out! Let me look into this for you.',
      'I am sorry about that. I have issued a refund, you will see it in 3 to 5 days.',
      'Your parcel is with the carrier and should arrive tomorrow.',
      'I have updated your address, the change applies to your next delivery.',
      'I have escalated this to our technical team, they will contact you today.',
      'Is there anything else I can help you with?',
      'I have applied a 10% discount code to your account.',
    ],
  },
  fr: {
    customer: [
      "Bonjour, ma commande n'est toujours pas arrivée. Pouvez-vous vérifier ?",
      "J'ai été débité deux fois pour le même achat.",
      'Merci beaucoup, le problème est résolu !',
      "C'est la troisième fois que je demande, personne ne répond.",
      "Puis-je modifier l'adresse de livraison ?",
      'Le produit est arrivé abîmé, je voudrais un remboursement.',
      'Ma connexion internet coupe tous les soirs.',
      'Service impeccable, comme toujours.',
    ],
    agent: [
      'Merci pour votre message ! Je regarde cela tout de suite.',
      'Toutes nos excuses. Le remboursement est lancé, comptez 3 à 5 jours.',
      'Votre colis est chez le transporteur et devrait arriver demain.',
      "J'ai transmis votre demande à l'équipe technique, elle vous contactera aujourd'hui.",
      'Puis-je vous aider pour autre chose ?',
    ],
  },
  es: {
    customer: [
      'Hola, mi pedido todavía no ha llegado. ¿Pueden revisarlo?',
      'Me cobraron dos veces la misma compra.',
      '¡Muchas gracias, ya está resuelto!',
      'El producto llegó dañado, quiero un reembolso.',
      '¿Puedo cambiar la dirección de entrega?',
    ],
    agent: [
      '¡Gracias por escribirnos! Lo reviso ahora mismo.',
      'Lo sentimos mucho. Hemos emitido el reembolso, lo verá en 3 a 5 días.',
      'Su paquete está con el transportista y llegará mañana.',
      '¿Hay algo más en lo que pueda ayudarle?',
    ],
  },
  de: {
    customer: [
      'Hallo, meine Bestellung ist noch nicht angekommen. Können Sie das prüfen?',
      'Mir wurde derselbe Kauf zweimal berechnet.',
      'Vielen Dank, das hat geholfen!',
      'Das Produkt kam beschädigt an, ich möchte eine Erstattung.',
      'Meine Internetverbindung bricht jeden Abend ab.',
    ],
    agent: [
      'Danke für Ihre Nachricht! Ich kümmere mich sofort darum.',
      'Das tut uns leid. Die Erstattung ist veranlasst, sie dauert 3 bis 5 Tage.',
      'Ihr Paket ist beim Versanddienst und kommt morgen an.',
      'Kann ich sonst noch etwas für Sie tun?',
    ],
  },
  ar: {
    customer: [
      'مرحبا، لم يصل طلبي بعد. هل يمكنكم التحقق؟',
      'تم خصم المبلغ مرتين لنفس الطلب.',
      'شكرا جزيلا، تم حل المشكلة!',
      'وصل المنتج تالفا وأريد استرداد المبلغ.',
      'هل يمكنني تغيير عنوان التوصيل؟',
    ],
    agent: [
      'شكرا لتواصلك معنا! سأتحقق من ذلك الآن.',
      'نعتذر عن ذلك. تم إصدار المبلغ المسترد وسيظهر خلال 3 إلى 5 أيام.',
      'طردك مع شركة الشحن وسيصل غدا.',
      'هل هناك أي شيء آخر يمكنني مساعدتك به؟',
    ],
  },
};

export const phrasesFor = (language: Language): { customer: string[]; agent: string[] } =>
  PHRASES[language] ?? PHRASES.en;

export const KNOWLEDGE_ARTICLES: Record<
  'retail' | 'telecom',
  { title: string; language: Language; tags: string[] }[]
> = {
  retail: [
    { title: 'Track your order', language: 'en', tags: ['orders', 'delivery'] },
    { title: 'Returns and refunds', language: 'en', tags: ['returns', 'refunds'] },
    { title: 'Change your delivery address', language: 'en', tags: ['delivery'] },
    { title: 'Payment methods we accept', language: 'en', tags: ['payment'] },
    { title: 'Loyalty programme: how points work', language: 'en', tags: ['loyalty'] },
    { title: 'Size guide', language: 'en', tags: ['products'] },
    { title: 'Suivre votre commande', language: 'fr', tags: ['orders', 'delivery'] },
    { title: 'Retours et remboursements', language: 'fr', tags: ['returns', 'refunds'] },
    { title: 'Moyens de paiement acceptés', language: 'fr', tags: ['payment'] },
    { title: 'Devoluciones y reembolsos', language: 'es', tags: ['returns'] },
    { title: 'Rücksendungen und Erstattungen', language: 'de', tags: ['returns'] },
    { title: 'الإرجاع واسترداد المبالغ', language: 'ar', tags: ['returns'] },
  ],
  telecom: [
    { title: 'Set up your router', language: 'en', tags: ['internet', 'setup'] },
    { title: 'Troubleshoot a slow connection', language: 'en', tags: ['internet'] },
    { title: 'Understand your bill', language: 'en', tags: ['billing'] },
    { title: 'Roaming charges abroad', language: 'en', tags: ['mobile', 'roaming'] },
    { title: 'Port your number', language: 'en', tags: ['mobile'] },
    { title: 'Cancel or change your plan', language: 'en', tags: ['plans'] },
    { title: 'Configurer votre box', language: 'fr', tags: ['internet', 'setup'] },
    { title: 'Comprendre votre facture', language: 'fr', tags: ['billing'] },
    { title: 'Configurar su router', language: 'es', tags: ['internet'] },
    { title: 'Ihre Rechnung verstehen', language: 'de', tags: ['billing'] },
    { title: 'فهم فاتورتك', language: 'ar', tags: ['billing'] },
  ],
};

export const DEAL_TITLES: Record<'retail' | 'telecom', string[]> = {
  retail: [
    'Online order',
    'In-store purchase',
    'Gift card',
    'Seasonal bundle',
    'Home delivery order',
    'Click & collect',
  ],
  telecom: [
    'Fibre 1 Gb plan',
    'Mobile 50 GB plan',
    'Family bundle',
    'Phone upgrade',
    'TV add-on',
    'Business line',
  ],
};

export const TICKET_SUBJECTS: Record<'retail' | 'telecom', string[]> = {
  retail: [
    'Order not delivered',
    'Refund request',
    'Damaged item',
    'Wrong size',
    'Double charge',
    'Change delivery address',
    'Loyalty points missing',
  ],
  telecom: [
    'Internet outage',
    'Slow connection',
    'Billing question',
    'Roaming charges',
    'SIM not working',
    'Plan change',
    'Router replacement',
  ],
};

export const TAGS = [
  'newsletter',
  'b2b',
  'loyalty',
  'promo-2024',
  'returning',
  'mobile-app',
  'store-visit',
  'referral',
  'complaint',
  'high-value',
];
