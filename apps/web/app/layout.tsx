import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Steppe: knowledge-graph explorer',
  description:
    'Explore a source-attributed knowledge graph of the January 2022 unrest in Kazakhstan: every relation with its sources and verbatim quotes.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
