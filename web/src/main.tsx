import { unstableSetRender } from 'antd';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App, preloadPage } from './app/App.tsx';

// antd 5 renders its static pop-ups (wave effect, notifications) with the React 18
// render API by default; point it at createRoot for React 19.
const roots = new WeakMap<Element | DocumentFragment, Root>();
unstableSetRender((node, container) => {
  let root = roots.get(container);
  if (!root) {
    root = createRoot(container);
    roots.set(container, root);
  }
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    roots.delete(container);
  };
});

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');

// The page's chunks come while the session is checked.
preloadPage(window.location.pathname);

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
