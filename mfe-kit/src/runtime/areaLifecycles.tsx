import React, { type ComponentType } from 'react';
import ReactDOMClient from 'react-dom/client';
import { IntlProvider } from 'react-intl';
import singleSpaReact from 'single-spa-react';
import type { Locale, MountProps } from './mountProps';
import { textDirection } from './textDirection';

export type Messages = Record<Locale, Record<string, string>>;

type LifecycleProps = MountProps & { name: string; domElement?: HTMLElement };

const AreaFailed = ({ name }: { name: string }) => (
  <div role="alert" data-testid="area-crashed">
    The {name} area stopped working. Reload the page to try again.
  </div>
);

/**
 * An area's single-spa lifecycles (bootstrap, mount, unmount, update) around its root component,
 * inside the area's own IntlProvider (its messages, the shell's locale) and an error boundary, so a
 * crash stays inside the area.
 */
export const areaLifecycles = (Root: ComponentType<MountProps>, messages: Messages) => {
  const WithIntl = (props: LifecycleProps) => (
    <IntlProvider locale={props.locale} messages={messages[props.locale]} defaultLocale="en">
      <div dir={textDirection(props.locale)} lang={props.locale} className="c360-area">
        <Root api={props.api} locale={props.locale} user={props.user} navigate={props.navigate} />
      </div>
    </IntlProvider>
  );
  return singleSpaReact<LifecycleProps>({
    React,
    ReactDOMClient,
    rootComponent: WithIntl,
    errorBoundary: (_error, _info, props) => <AreaFailed name={props.name} />,
  });
};
