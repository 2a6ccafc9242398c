import { saleInconsistencies } from './completed-sale-checks';
import { type CompletedSaleShape, completedSaleShapeSchema } from './completed-sale-shape';

// The frozen record of a paid sale: the 'sale.completed' journal payload, and
// what the server validates when a till pushes its sales. Beyond the shapes,
// the schema re-derives every figure (line amounts, totals, VAT per rate,
// tenders against the total), so a record whose numbers disagree with each
// other is refused wherever it is read.

export {
  type AppliedPromotion,
  appliedPromotionSchema,
  type SaleLine,
  type SaleTotals,
  saleLineSchema,
  saleTotalsSchema,
} from './completed-sale-shape';

export const completedSaleSchema = completedSaleShapeSchema.superRefine((sale, ctx) => {
  for (const issue of saleInconsistencies(sale)) ctx.addIssue({ code: 'custom', ...issue });
});
export type CompletedSale = CompletedSaleShape;
