import type { FieldProblem } from '../errors/AppError';
import {
  validateTemplateParameters,
  type TemplateSendParameters,
  type WhatsAppTemplateSpec,
} from '../channels/whatsappTemplate';
import { isReplyVariable, type ReplyVariableValues } from './replyVariables';

/** Our template mapped to an approved provider template: its body's {{1}}, {{2}}... from variables. */
export type WhatsAppTemplateMapping = {
  providerTemplateName: string;
  language: string;
  /** The variable that fills each body placeholder, in order. */
  bodyVariables: string[];
  spec: WhatsAppTemplateSpec;
};

/**
 * Why a mapping cannot be sent as it stands: unknown variables, a count that differs from the
 * approved template's body, a placeholder the variables cannot fill (media, currency), or a
 * header or button that needs parameters we have no source for.
 */
export const checkWhatsAppMapping = (m: WhatsAppTemplateMapping, at = 'parameters'): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  m.bodyVariables.forEach((name, i) => {
    if (!isReplyVariable(name)) problems.push({ path: `${at}[${i}]`, message: `unknown variable ${name}` });
  });
  if (m.bodyVariables.length !== m.spec.body.length)
    problems.push({
      path: at,
      message: `the approved template ${m.providerTemplateName} takes ${m.spec.body.length} body parameters, the mapping gives ${m.bodyVariables.length}`,
    });
  m.spec.body.forEach((type, i) => {
    if (type !== 'text')
      problems.push({
        path: `${at}[${i}]`,
        message: `body parameter ${i + 1} is ${type}; variables fill text only`,
      });
  });
  if (m.spec.header && m.spec.header.parameters > 0)
    problems.push({
      path: 'whatsappSpec.header',
      message: 'a header with parameters cannot be filled from variables',
    });
  if (m.spec.buttons.some((b) => b.parameters > 0))
    problems.push({
      path: 'whatsappSpec.buttons',
      message: 'buttons with parameters cannot be filled from variables',
    });
  return problems;
};

export type ProviderTemplateSend = {
  name: string;
  language: string;
  parameters: TemplateSendParameters;
};

/** The provider template send for these values, checked against the approved template's shape. */
export const toProviderTemplateSend = (
  m: WhatsAppTemplateMapping,
  values: ReplyVariableValues,
  at = 'template',
): { ok: true; send: ProviderTemplateSend } | { ok: false; problems: FieldProblem[] } => {
  const problems = checkWhatsAppMapping(m, `${at}.parameters`);
  const body = m.bodyVariables.map((name, i) => {
    const value = isReplyVariable(name) ? values[name] : undefined;
    if (!value) problems.push({ path: `${at}.parameters[${i}]`, message: `no value for variable ${name}` });
    return { type: 'text' as const, text: value ?? '' };
  });
  if (problems.length > 0) return { ok: false, problems };
  const parameters: TemplateSendParameters = { body };
  const shape = validateTemplateParameters(m.spec, parameters, at);
  if (shape.length > 0) return { ok: false, problems: shape };
  return { ok: true, send: { name: m.providerTemplateName, language: m.language, parameters } };
};
