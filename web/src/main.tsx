import { unstableSetRender } from 'antd';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App, preloadPage } from './app/App.tsx';
import { queryClient } from './app/queryClient.ts';
import { fetchMe, meKey } from './app/session.ts';

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

// Who is signed in is asked first, before the page's chunks (fetched meanwhile) take the
// browser's connections.
void queryClient.prefetchQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000 });
preloadPage(window.location.pathname);

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
