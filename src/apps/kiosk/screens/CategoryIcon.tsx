import {
  Apple,
  Beef,
  BookOpen,
  Candy,
  Coffee,
  Croissant,
  CupSoda,
  Ham,
  Lamp,
  type LucideIcon,
  Milk,
  Newspaper,
  ShoppingBasket,
  Snowflake,
  Sparkles,
  SprayCan,
  ToyBrick,
  Wheat,
  Wine,
} from 'lucide-react';
import type { CategoryIcon as CategoryIconKey } from '../../../core/catalog/categories';

// The pictogram of each shelf the kiosk knows (src/core/catalog/categories.ts),
// from Lucide (drawn as SVG, sized and coloured by CSS, no image to load).
// A key the build does not know is drawn as a basket.

const ICONS: Readonly<Record<CategoryIconKey, LucideIcon>> = {
  pantry: Wheat,
  breakfast: Coffee,
  drinks: CupSoda,
  wine: Wine,
  dairy: Milk,
  bakery: Croissant,
  produce: Apple,
  butcher: Beef,
  deli: Ham,
  candy: Candy,
  frozen: Snowflake,
  beauty: Sparkles,
  cleaning: SprayCan,
  press: Newspaper,
  books: BookOpen,
  home: Lamp,
  toys: ToyBrick,
  other: ShoppingBasket,
};

export function CategoryIcon({ icon }: { readonly icon: CategoryIconKey }) {
  const Icon = ICONS[icon];
  return <Icon className="kiosk-category-svg" aria-hidden="true" focusable="false" strokeWidth={1.75} />;
}
