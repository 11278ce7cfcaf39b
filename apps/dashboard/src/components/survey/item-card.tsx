import { localize } from '@attune/survey';
import { IosView, LikertView, OptionView } from './choice-items';
import { NumericView, SliderView, TextView } from './free-items';
import type { ItemViewProps } from './item-shell';
import { MultiChoiceView } from './multi-choice-view';

export type { ItemViewProps } from './item-shell';

/** One item of any libs/survey kind, as one card. */
export function ItemCard(props: ItemViewProps) {
  const { item, language } = props;
  switch (item.kind) {
    case 'likert':
      return <LikertView {...props} item={item} />;
    case 'ios':
      return <IosView {...props} item={item} />;
    case 'single-choice':
    case 'attention-check':
    case 'manipulation-check':
      return <OptionView {...props} item={item} />;
    case 'multi-choice':
      return <MultiChoiceView {...props} item={item} />;
    case 'slider':
      return <SliderView {...props} item={item} />;
    case 'numeric':
      return <NumericView {...props} item={item} />;
    case 'text':
      return <TextView {...props} item={item} />;
    case 'instruction':
      return (
        <div className="item item-instruction" data-instrument={props.instrumentId} data-item={item.id} data-kind="instruction">
          <p className="item-question">{localize(item.text, language)}</p>
        </div>
      );
  }
}
