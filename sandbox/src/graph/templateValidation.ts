import { graphErrors } from './graphError';
import {
  placeholderCount,
  type MessageTemplate,
  type TemplateButton,
  type TemplateComponent,
} from './messageTemplates';

type Part<T extends TemplateComponent['type']> = Extract<TemplateComponent, { type: T }>;
const part =
  <T extends TemplateComponent['type']>(type: T) =>
  (c: TemplateComponent): c is Part<T> =>
    c.type === type;
import type { TemplateParameter, TemplateSend } from './whatsappSendSchema';

const BODY_TYPES = new Set(['text', 'currency', 'date_time']);
const BUTTON_SUBTYPE: Record<TemplateButton['type'], string> = {
  QUICK_REPLY: 'quick_reply',
  URL: 'url',
  PHONE_NUMBER: 'phone_number',
  FLOW: 'flow',
};

const checkCount = (where: string, given: TemplateParameter[], expected: number) => {
  if (given.length !== expected)
    throw graphErrors.templateParamCount(
      `${where}: number of localizable_params (${given.length}) does not match the expected number of params (${expected})`,
    );
};

const checkTypes = (where: string, given: TemplateParameter[], allowed: Set<string>) => {
  const wrong = given.findIndex((p) => !allowed.has(p.type));
  if (wrong >= 0)
    throw graphErrors.templateParamFormat(
      `${where}: parameter ${wrong + 1} is of type ${given[wrong]!.type}, expected ${[...allowed].join(' or ')}`,
    );
};

/**
 * Checks a template send against the stored template as Meta does: the name and language exist
 * and are approved, each component gets as many parameters as its placeholders, of the right type,
 * and each button parameter names an existing button of the same kind.
 */
export const validateTemplateSend = (templates: MessageTemplate[], send: TemplateSend): MessageTemplate => {
  const stored = templates.find((t) => t.name === send.name && t.language === send.language.code);
  if (!stored) throw graphErrors.templateNotFound(send.name, send.language.code);
  if (stored.status !== 'APPROVED') throw graphErrors.templateNotApproved(stored.name, stored.status);

  const sent = (type: 'header' | 'body') =>
    send.components.filter((c) => c.type === type).flatMap((c) => c.parameters);
  const header = stored.components.find(part('HEADER'));
  const body = stored.components.find(part('BODY'));
  const buttons = stored.components.find(part('BUTTONS'))?.buttons ?? [];

  if (header === undefined || header.format === 'TEXT') {
    const expected = header && 'text' in header ? placeholderCount(header.text) : 0;
    checkCount('header', sent('header'), expected);
    checkTypes('header', sent('header'), new Set(['text']));
  } else {
    checkCount('header', sent('header'), 1);
    checkTypes('header', sent('header'), new Set([header.format.toLowerCase()]));
  }

  checkCount('body', sent('body'), body ? placeholderCount(body.text) : 0);
  checkTypes('body', sent('body'), BODY_TYPES);

  const buttonParams = send.components.filter((c) => c.type === 'button');
  for (const component of buttonParams) {
    const index = Number(component.index ?? NaN);
    const button = buttons[index];
    if (!button)
      throw graphErrors.invalidParameterValue(
        `button at index ${component.index ?? '(missing)'} does not exist in template ${stored.name}`,
      );
    if (component.sub_type !== BUTTON_SUBTYPE[button.type])
      throw graphErrors.templateParamFormat(
        `button ${index}: sub_type ${component.sub_type ?? '(missing)'} does not match the template's ${BUTTON_SUBTYPE[button.type]} button`,
      );
    const where = `button ${index}`;
    if (button.type === 'URL') {
      checkCount(where, component.parameters, placeholderCount(button.url));
      checkTypes(where, component.parameters, new Set(['text']));
    } else if (button.type === 'QUICK_REPLY') {
      checkTypes(where, component.parameters, new Set(['payload']));
    } else if (button.type === 'FLOW') {
      checkTypes(where, component.parameters, new Set(['action']));
    }
  }
  buttons.forEach((button, index) => {
    const needs = button.type === 'URL' ? placeholderCount(button.url) : 0;
    if (needs > 0 && !buttonParams.some((c) => Number(c.index) === index))
      checkCount(`button ${index}`, [], needs);
  });
  return stored;
};
