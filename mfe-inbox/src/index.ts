// The page entry only enters an async boundary, so the shared singletons settle before React loads.
void import('./standalone');
