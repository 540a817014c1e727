import { NotFoundException, type PipeTransform } from '@nestjs/common';
import { isUuid } from './http-errors';

/** Route ids that are not UUIDs cannot name anything: 404 with a readable message (never a 500 from the driver). */
export class UuidPipe implements PipeTransform<string, string> {
  constructor(private readonly what = 'báo cáo') {}
  transform(value: string): string {
    if (!isUuid(value)) throw new NotFoundException(`Không tìm thấy ${this.what}.`);
    return value;
  }
}
