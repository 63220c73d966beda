import { Text, View } from '@tarojs/components'
import { chineseDate, factsOf, recordLead, recordNotes, recordRows, type VolunteerRecordView } from '~types/volunteer-record.schema'

/**
 * The certificate as the page shows it — and prints it (lib/print.ts): the same title, number, attestation, rows and
 * notes as its PDF (the words come from one place, types/volunteer-record.schema.ts).
 */
export function RecordPaper({ record }: { record: VolunteerRecordView }) {
  const facts = factsOf(record)
  return (
    <View className="record-paper" role="document" aria-label={`志愿服务记录证明 ${record.number}`}>
      <Text className="record-paper__title">志愿服务记录证明</Text>
      <Text className="record-paper__number">{`编号：${record.number}`}</Text>
      <Text className="record-paper__lead">{recordLead(facts)}</Text>
      <View className="record-paper__rows">
        {recordRows(facts).map(([label, value]) => (
          <View key={label} className="record-paper__row">
            <Text className="record-paper__label">{label}</Text>
            <Text className={`record-paper__value${label === '志愿服务时长' ? ' record-paper__value--strong' : ''}`}>{value}</Text>
          </View>
        ))}
      </View>
      <Text className="record-paper__note">说明：</Text>
      {recordNotes(record.number).map((n) => (
        <Text key={n} className="record-paper__note">
          {n}
        </Text>
      ))}
      <Text className="record-paper__issuer">{record.issuer}</Text>
      <Text className="record-paper__date">{chineseDate(record.issuedOn)}</Text>
    </View>
  )
}
