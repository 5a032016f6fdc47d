import { getPlaygroundWorkload } from '../../../shared/workloads/registry';
import type { ViewKind } from '../../../shared/workloads/workload';
import type { OutputProps, OutputView } from './output-view';
import { TextOutput } from './text-output';
import { TilesOutput } from './tiles-output';

/** One view per kind a workload can declare: a kind added in workload.ts without a view here is a compile error. */
const OUTPUT_VIEWS: { readonly [K in ViewKind]: OutputView<K> } = {
  tiles: TilesOutput,
  text: TextOutput,
};

/**
 * The output panel of the workload `name`, in the view of the kind it declares. That kind fits
 * its params and chunks (checked where the workload is defined), so the view may take what the
 * runners hand on with their types erased.
 */
export function WorkloadOutput(props: OutputProps<ViewKind>) {
  const View = OUTPUT_VIEWS[getPlaygroundWorkload(props.name).view] as OutputView<ViewKind>;
  return <View {...props} />;
}
