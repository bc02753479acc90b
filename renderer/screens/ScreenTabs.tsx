// The toolbar's screen switcher (Editor, Inspect, Certificates, Enrolment) and its Export button.

import { useNavigation, useScreens } from './screens-context.ts';
import type { Screen } from './navigation-store.ts';

const TABS: readonly { readonly screen: Screen; readonly label: string }[] = [
  { screen: 'editor', label: 'Editor' },
  { screen: 'inspect', label: 'Inspect' },
  { screen: 'certificates', label: 'Certificates' },
  { screen: 'enrolment', label: 'Enrolment' },
];

export function ScreenTabs() {
  const screens = useScreens();
  const current = useNavigation((s) => s.screen);
  return (
    <>
      <button type="button" onClick={() => void screens.run('export')}>
        Export…
      </button>
      <span className="toolbar-separator" aria-hidden="true" />
      <nav className="screen-tabs" aria-label="Screens">
        {TABS.map((tab) => (
          <button key={tab.screen} type="button" aria-current={current === tab.screen ? 'page' : undefined} onClick={() => screens.navigation.getState().show(tab.screen)}>
            {tab.label}
          </button>
        ))}
      </nav>
    </>
  );
}
