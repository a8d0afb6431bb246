import type { FieldProblem } from '../errors/AppError';

export type TemplateMediaFormat = 'image' | 'document' | 'video';
export type TemplateBodyParameterType = 'text' | 'currency' | 'date_time';
export type TemplateButtonSubType = 'quick_reply' | 'url' | 'flow';

/**
 * The shape of an approved WhatsApp template, as far as a send must match it: what its header
 * takes, the type of each body placeholder ({{1}}, {{2}}...) and which buttons take a parameter.
 * Stored on the Template row (`whatsappSpec`), filled from Meta's template list.
 */
export type WhatsAppTemplateSpec = {
  header: { format: 'text'; parameters: number } | { format: TemplateMediaFormat; parameters: 1 } | null;
  body: TemplateBodyParameterType[];
  buttons: { index: number; subType: TemplateButtonSubType; parameters: number }[];
};

export type TemplateParameter =
  | { type: 'text'; text: string }
  | { type: 'currency'; fallbackValue: string; code: string; amount1000: number }
  | { type: 'date_time'; fallbackValue: string }
  | { type: TemplateMediaFormat; link: string; filename?: string };

export type TemplateButtonParameter =
  | { type: 'payload'; payload: string }
  | { type: 'text'; text: string }
  | { type: 'action'; flowToken: string; flowActionData?: Record<string, unknown> };

/** What a caller supplies to fill a template. */
export type TemplateSendParameters = {
  header?: TemplateParameter[];
  body?: TemplateParameter[];
  buttons?: { index: number; parameters: TemplateButtonParameter[] }[];
};

const BUTTON_PARAMETER: Record<TemplateButtonSubType, TemplateButtonParameter['type']> = {
  quick_reply: 'payload',
  url: 'text',
  flow: 'action',
};

const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

/**
 * Every way `params` does not fit the template, each naming its field: an empty list means the
 * send may go. Checked before any call, so a bad send fails fast and never costs a message.
 */
export const validateTemplateParameters = (
  spec: WhatsAppTemplateSpec,
  params: TemplateSendParameters,
  at = 'template',
): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  const header = params.header ?? [];
  const expectedHeader = spec.header?.parameters ?? 0;
  if (header.length !== expectedHeader) {
    problems.push({
      path: `${at}.header`,
      message: `the template's header takes ${count(expectedHeader, 'parameter')}, got ${header.length}`,
    });
  } else if (spec.header) {
    header.forEach((p, i) => {
      if (p.type !== spec.header!.format)
        problems.push({
          path: `${at}.header[${i}].type`,
          message: `must be ${spec.header!.format}, got ${p.type}`,
        });
    });
  }

  const body = params.body ?? [];
  if (body.length !== spec.body.length) {
    problems.push({
      path: `${at}.body`,
      message: `the template's body takes ${count(spec.body.length, 'parameter')}, got ${body.length}`,
    });
  } else {
    body.forEach((p, i) => {
      if (p.type !== spec.body[i])
        problems.push({ path: `${at}.body[${i}].type`, message: `must be ${spec.body[i]}, got ${p.type}` });
      else if (p.type === 'text' && p.text.trim().length === 0)
        problems.push({ path: `${at}.body[${i}].text`, message: 'must not be empty' });
    });
  }

  const given = params.buttons ?? [];
  given.forEach((b, i) => {
    const button = spec.buttons.find((s) => s.index === b.index);
    if (!button) {
      problems.push({
        path: `${at}.buttons[${i}].index`,
        message: `the template has no button ${b.index} that takes parameters`,
      });
      return;
    }
    if (b.parameters.length !== button.parameters) {
      problems.push({
        path: `${at}.buttons[${i}].parameters`,
        message: `button ${b.index} takes ${count(button.parameters, 'parameter')}, got ${b.parameters.length}`,
      });
      return;
    }
    b.parameters.forEach((p, j) => {
      const want = BUTTON_PARAMETER[button.subType];
      if (p.type !== want)
        problems.push({
          path: `${at}.buttons[${i}].parameters[${j}].type`,
          message: `must be ${want} for a ${button.subType} button, got ${p.type}`,
        });
    });
  });
  for (const button of spec.buttons) {
    if (button.parameters > 0 && !given.some((b) => b.index === button.index))
      problems.push({
        path: `${at}.buttons`,
        message: `button ${button.index} (${button.subType}) needs ${count(button.parameters, 'parameter')}`,
      });
  }
  return problems;
};
